/**
 * The replay's read (`GET /api/v1/replay/events`) over a demo day: `REPLAY_EVENTS` (default 100,000)
 * seeded `normal-day` events received over the last 24 hours, written straight into the event store
 * of the real app (located, and published to the followers, as the pipeline would). Prints the reply's
 * time and size, raw and gzipped, beside the obvious peer: the same range's whole documents read and
 * JSON.parsed (what `store.list` does), to show what selecting columns saves.
 *
 * `tsx bench/replay-read.ts [DATA_DIR]`: with a directory, the seeded store stays there, so
 * `DATA_DIR=<it> PORT=3210 npx tsx scripts/start.ts` shows the replay of a full day by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { createRandom } from '../geo/index.ts'
import { buildApp } from '../server/app.ts'
import { loadConfig } from '../server/config.ts'
import { normaliseEvent } from '../server/pipeline/normalise-event.ts'
import type { NewEvent } from '../server/store/event-store.ts'
import { createNormalDay } from '../simulations/index.ts'

const N = Number(process.env.REPLAY_EVENTS ?? 100_000)
const DAY = 86_400_000
const ROUNDS = 5
const keep = process.argv[2]
const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'gridwatch-replay-bench-'))

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`

const app = await buildApp(loadConfig({ GRIDWATCH_MODE: 'demo', SIMULATION: 'off', DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0' }), { logger: false })
await app.ready()
try {
  const now = Date.now()
  if (app.store.lastSeq() === 0) {
    // A day's times, quieter at night as the demo's are: a time from 01:00 to 06:00 Chengdu time is
    // kept one time in four.
    const gen = createNormalDay({ seed: app.config.GRIDWATCH_SEED, district: app.district, runId: 'replay-bench' })
    const rng = createRandom('replay-bench')
    const times: number[] = []
    while (times.length < N) {
      const t = now - DAY + rng.next() * DAY
      const hour = new Date(t + 8 * 3_600_000).getUTCHours()
      if (rng.next() < (hour >= 1 && hour < 6 ? 0.25 : 1)) times.push(t)
    }
    times.sort((a, b) => a - b)
    const locate = (lng: number, lat: number) => app.locator.locate(lng, lat)
    const started = performance.now()
    for (let i = 0; i < N; i += 5000) {
      const batch: NewEvent[] = times.slice(i, i + 5000).map((t) => normaliseEvent(gen.next(new Date(t - 20_000)), locate, new Date(t)))
      // Published as the pipeline would: the followers (cases, risk, hotspots, the briefing's counts)
      // mark every stored seq as seen, so an event they are not shown is one they never count.
      app.bus.publish((await app.store.append(batch)).flatMap((r) => (r.event ? [r.event] : [])))
    }
    console.log(`seeded ${N.toLocaleString('en')} events over 24 h in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }

  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'district', password: 'demo' } })
  const token = (login.json() as { token: string }).token
  const query = `from=${new Date(now - DAY).toISOString()}&until=${new Date(now).toISOString()}`

  const storeMs: number[] = []
  const routeMs: number[] = []
  const gzipMs: number[] = []
  /** The longest the event loop waited during each request: what ingest and live frames would have. */
  const stallMs: number[] = []
  let raw = 0
  let gz = 0
  let count = 0
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now()
    count = app.store.replay({ since: new Date(now - DAY).toISOString(), until: new Date(now).toISOString(), limit: 200_001 }).length
    storeMs.push(performance.now() - t)
    t = performance.now()
    const loop = monitorEventLoopDelay({ resolution: 5 })
    loop.enable()
    const res = await app.inject({ method: 'GET', url: `/api/v1/replay/events?${query}`, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' } })
    routeMs.push(performance.now() - t)
    loop.disable()
    stallMs.push(loop.max / 1e6)
    raw = res.rawPayload.length
    t = performance.now()
    const zipped = await app.inject({ method: 'GET', url: `/api/v1/replay/events?${query}`, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } })
    gzipMs.push(performance.now() - t)
    gz = zipped.rawPayload.length
    if (zipped.headers['content-encoding'] !== 'gzip') throw new Error('the reply was not gzipped')
  }

  // The peer: the same rows' whole documents, parsed, as `store.list` reads events.
  const db = new Database(join(dataDir, 'gridwatch.sqlite'), { readonly: true })
  const docs = db.prepare<[string, string], { doc: string }>('SELECT doc FROM events WHERE received_at >= ? AND received_at < ? ORDER BY received_at, seq')
  const peerMs: number[] = []
  let peerBytes = 0
  let peerGz = 0
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now()
    const events = docs.all(new Date(now - DAY).toISOString(), new Date(now).toISOString()).map((row) => JSON.parse(row.doc) as unknown)
    peerMs.push(performance.now() - t)
    if (r === 0) {
      const text = JSON.stringify({ events })
      peerBytes = Buffer.byteLength(text)
      peerGz = gzipSync(text).length
    }
  }
  db.close()

  console.log(`replay of 24 h: ${count.toLocaleString('en')} events (median of ${ROUNDS})`)
  console.log(`  store.replay (SQL, columns + json_extract): ${median(storeMs).toFixed(0)} ms`)
  console.log(`  GET /api/v1/replay/events, identity:       ${median(routeMs).toFixed(0)} ms, ${mb(raw)}`)
  console.log(`  longest event-loop stall during a request: ${median(stallMs).toFixed(0)} ms`)
  console.log(`  GET /api/v1/replay/events, gzip:           ${median(gzipMs).toFixed(0)} ms, ${mb(gz)}`)
  console.log(`  peer: whole documents read and parsed:     ${median(peerMs).toFixed(0)} ms (as one JSON reply: ${mb(peerBytes)}, gzipped ${mb(peerGz)})`)
} finally {
  await app.close()
  if (!keep) rmSync(dataDir, { recursive: true, force: true })
}
