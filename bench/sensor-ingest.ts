/**
 * Sensor batch ingest: messages/s through `POST /api/v1/sensors/events` in batches of 5,000, the demo
 * mix of mostly heartbeats (liveness only) with some alarms, recoveries and faults (stored events;
 * alarms open or repeat an alarm), for real registry sensors. The peer writes the same state changes
 * with raw better-sqlite3, a transaction per batch: the non-heartbeats as event rows, the heartbeats as
 * `UPDATE sensors SET last_seen_at` rows, with the server's schema and pragmas.
 */
import type { SensorEntry, SensorMessage, SensorView } from '../domain/sensors.ts'
import { createRandom } from '../geo/index.ts'
import { messageToItem } from '../server/sensors/sensor-items.ts'
import { createSensorRegistry } from '../server/sensors/sensor-registry.ts'
import { openPeerStore, peerRows, postBatches, PRODUCER_KEY, type PeerRow } from './batch-ingest.ts'
import { startChildServer } from './child-server.ts'
import { BENCH_SEED, chunk } from './workload.ts'

/** The registry as the server holds it, paged through `GET /api/v1/sensors` with a producer key. */
export async function fetchSensors(url: string): Promise<SensorEntry[]> {
  const out: SensorEntry[] = []
  let after: string | null = ''
  while (after !== null) {
    const res = await fetch(`${url}/api/v1/sensors?limit=5000${after ? `&after=${encodeURIComponent(after)}` : ''}`, { headers: { 'x-api-key': PRODUCER_KEY } })
    if (res.status !== 200) throw new Error(`GET /api/v1/sensors answered ${res.status}: ${(await res.text()).slice(0, 500)}`)
    const page = (await res.json()) as { sensors: SensorView[]; next: string | null }
    for (const { lastSeenAt: _seen, online: _online, ...entry } of page.sensors) out.push(entry)
    after = page.next
  }
  if (out.length === 0) throw new Error('the bench server has no sensors (is GRIDWATCH_MODE=demo?)')
  return out
}

const MIX = [
  { value: 'heartbeat' as const, weight: 90 },
  { value: 'alarm' as const, weight: 5 },
  { value: 'normal' as const, weight: 3 },
  { value: 'fault' as const, weight: 2 },
]

/**
 * `n` messages from a platform, the same mix in every run: a sensor picked at random, instants 10 ms
 * apart ending now, and the platform's own message id (unique per run, so nothing is a duplicate).
 */
export function sensorMessages(sensors: readonly SensorEntry[], n: number, runId: string): SensorMessage[] {
  const rng = createRandom(BENCH_SEED).fork('sensor-messages')
  const end = Date.now()
  return Array.from({ length: n }, (_, i): SensorMessage => {
    const sensor = rng.pick(sensors)
    const state = rng.weighted(MIX)
    const m: SensorMessage = { sensorId: sensor.id, state, at: new Date(end - (n - i) * 10).toISOString(), messageId: `${runId}-${i}` }
    if (state === 'alarm') return { ...m, value: Math.round(rng.range(5, 40) * 10) / 10, level: rng.weighted([{ value: 1, weight: 6 }, { value: 2, weight: 3 }, { value: 3, weight: 1 }]) }
    if (state === 'normal') return { ...m, value: Math.round(rng.range(0, 2) * 10) / 10 }
    if (state === 'fault') return { ...m, faultCode: rng.pick(['E01', 'E07', 'LOW_BATTERY']) }
    return m
  })
}

export async function benchSensorIngest(total: number, batchSize = 5000, concurrency = 2) {
  const server = await startChildServer('gridwatch.ts')
  let sensors: SensorEntry[], batches: SensorMessage[][], ours: number
  try {
    sensors = await fetchSensors(server.url)
    batches = chunk(sensorMessages(sensors, total, `sensors${Date.now()}`), batchSize)
    const bodies = batches.map((b) => JSON.stringify(b))
    const t0 = performance.now()
    await postBatches(`${server.url}/api/v1/sensors/events`, bodies, concurrency)
    ours = total / ((performance.now() - t0) / 1000)
  } finally {
    // A failed run must not leave the server behind (and, for MQTT, subscribed to the next run's messages).
    await server.stop()
  }

  // The same batches as the server's rows: events for the state changes, last-seen times for heartbeats.
  const byId = new Map(sensors.map((s) => [s.id, s]))
  const work = batches.map((batch) => {
    const events = batch.filter((m) => m.state !== 'heartbeat')
    return {
      rows: peerRows(events.map((m) => messageToItem({ ...m, state: m.state }, byId.get(m.sensorId)!))),
      beats: batch.filter((m) => m.state === 'heartbeat').map((m) => [Date.parse(m.at), m.sensorId] as const),
    }
  })
  const store = openPeerStore()
  createSensorRegistry(store.db).insert(sensors)
  const seen = store.db.prepare('UPDATE sensors SET last_seen_at = ?, offline = 0 WHERE id = ?')
  const tx = store.db.transaction((b: { rows: PeerRow[]; beats: ReadonlyArray<readonly [number, string]> }) => {
    for (const e of b.rows) store.insert(e)
    for (const [at, id] of b.beats) seen.run(at, id)
  })
  const t1 = performance.now()
  for (const b of work) tx(b)
  const peer = total / ((performance.now() - t1) / 1000)
  store.close()
  return { ours, peer, sensors: sensors.length }
}
