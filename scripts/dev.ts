/**
 * `npm run dev`: the server in demo mode on PORT (3000) plus Vite's dev server with hot reload on
 * 5173, which proxies `/api` and `/socket.io` to it. Open http://localhost:5173/wall.
 */
import { createServer } from 'vite'
import { fileURLToPath } from 'node:url'

process.env.GRIDWATCH_MODE ??= 'demo'
// Vite's proxy (vite.config.ts) follows the server's port.
process.env.GRIDWATCH_API ??= `http://127.0.0.1:${process.env.PORT ?? 3000}`
await import('../server/server.ts')
const vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), server: { port: 5173 } })
await vite.listen()
vite.printUrls()
