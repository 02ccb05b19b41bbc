/** Gridwatch itself for the benchmarks: the real app on a fresh SQLite file, no simulation. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'

const config = loadConfig({
  GRIDWATCH_MODE: 'demo',
  SIMULATION: 'off',
  PORT: '0',
  DATA_DIR: process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'gridwatch-bench-')),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_INGEST: String(1e9),
  RATE_LIMIT_LOGIN: '1000',
  ...(process.env.FRAME_INTERVAL_MS ? { FRAME_INTERVAL_MS: process.env.FRAME_INTERVAL_MS } : {}),
})
const app = await buildApp(config)
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`)
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
