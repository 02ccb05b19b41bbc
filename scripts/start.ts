/** `npm start`: the embedded demo: build the web app if needed, then run the server in demo mode. */
import { buildWebIfStale } from './build-web-if-stale.ts'

process.env.GRIDWATCH_MODE ??= 'demo'
await buildWebIfStale()
await import('../server/server.ts')
