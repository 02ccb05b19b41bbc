// The web app's build. `npm start` serves `dist/web` from Fastify; `npm run dev` proxies the API here.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const api = process.env.GRIDWATCH_API ?? 'http://127.0.0.1:3000'

export default defineConfig({
  root: 'web',
  plugins: [vue()],
  // vue-i18n's compile-time flags: no legacy (Options) API, no devtools hooks in production.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
      // The offline basemap archive (BASEMAP_PMTILES), read with Range requests.
      '/basemap': api,
    },
  },
})
