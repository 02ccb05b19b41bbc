/**
 * Gridwatch itself for the benchmarks: the real app on a fresh SQLite file, no simulation unless
 * `BENCH_SIMULATION_RATE` (events per minute) asks for a live stream, as the wall bench does, and no
 * MQTT intake unless `BENCH_MQTT_URL` names the broker.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { BENCH_SEED } from '../bench-seed.ts'
import { answerMemoryProbes } from './memory-probe.ts'

const config = loadConfig({
  GRIDWATCH_MODE: 'demo',
  // The workload's registry ids come from this seed too.
  GRIDWATCH_SEED: BENCH_SEED,
  SIMULATION: process.env.BENCH_SIMULATION_RATE ? 'on' : 'off',
  ...(process.env.BENCH_SIMULATION_RATE ? { SIMULATION_RATE: process.env.BENCH_SIMULATION_RATE } : {}),
  PORT: '0',
  DATA_DIR: process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'gridwatch-bench-')),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_INGEST: String(1e9),
  RATE_LIMIT_READ: String(1e9),
  RATE_LIMIT_LOGIN: '1000',
  ...(process.env.FRAME_INTERVAL_MS ? { FRAME_INTERVAL_MS: process.env.FRAME_INTERVAL_MS } : {}),
  // Only the MQTT bench asks for the intake; the others stay off the broker.
  ...(process.env.BENCH_MQTT_URL ? { MQTT_URL: process.env.BENCH_MQTT_URL } : {}),
})
const app = await buildApp(config)
await app.listen({ port: 0, host: '127.0.0.1' })
// Ready means subscribed too, so nothing the bench publishes is lost to a subscription still in flight.
await app.mqttIntake?.subscribed
const address = app.server.address()
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`)
answerMemoryProbes()
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
