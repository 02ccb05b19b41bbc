// The web app's build. `npm start` serves `dist/web` from Fastify; `npm run dev` proxies the API here.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const api = process.env.GRIDWATCH_API ?? 'http://127.0.0.1:3000'

export default defineConfig({
  root: 'web',
  plugins: [vue()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
})
