/**
 * Memory under a long stream (DESIGN §5: memory stays flat over hours). A stream of workload events
 * goes to `POST /api/v1/events` at a steady rate while wall sockets stay connected, a few of them
 * replaced every few seconds as walls reload; the heap is read after a full GC once the server has
 * warmed up, then after each further third of the stream. The peer is the bare Socket.IO broadcast
 * server under the same stream and sockets: what any Node server that holds those connections and
 * passes those payloads on keeps.
 *
 * Cases nobody finishes stay open, and an open case is held in memory for the correlation index and
 * the boards. So before the first reading and the last, every open case is cancelled through the
 * API, as operators would in time finish them: what the last reading holds above the first is what
 * the stream left behind. The readings between show the open cases' share, with their count.
 */
import { io as connect, type Socket } from 'socket.io-client'
import { PRODUCER_KEY } from './batch-ingest.ts'
import { startChildServer, type ChildServer } from './child-server.ts'
import { chunk, workload } from './workload.ts'

export interface MemoryReading {
  /** Events posted before this reading. */
  events: number
  heapUsed: number
  rss: number
  /** Open cases at this reading (Gridwatch only). */
  openCases?: number
}

export interface MemoryRun { readings: MemoryReading[]; socketsReplaced: number }

const SOCKETS = 20
const REPLACE_EVERY_MS = 5_000
const REPLACE_COUNT = 5
const BATCH = 100
const TICK_MS = 100

interface Target {
  server: ChildServer
  auth: Record<string, string>
  openCases?: () => Promise<number>
  /** Finishes every open case, as operators eventually do (Gridwatch only). */
  finishCases?: () => Promise<void>
}

async function socketOf(url: string, auth: Record<string, string>): Promise<Socket> {
  const s = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true })
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve())
    s.once('connect_error', reject)
  })
  // A wall's client reads every frame; these only count them, as cheaply as possible.
  s.onAny(() => {})
  return s
}

/** Runs `fn` over the items, `concurrency` at a time. */
async function postAll<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await fn(items[next++]!)
  }))
}

async function run(target: Target, total: number, rate: number): Promise<MemoryRun> {
  const { url } = target.server
  const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => socketOf(url, target.auth)))
  const bodies = chunk(workload(total, `mem${Date.now()}`), BATCH).map((b) => JSON.stringify(b))
  const post = async (body: string) => {
    const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY }, body })
    if (res.status !== 201) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
    await res.arrayBuffer()
  }
  const readings: MemoryReading[] = []
  const read = async (events: number) => {
    // Let the after-reply work (cases, frames) finish before the heap is read.
    await new Promise((r) => setTimeout(r, 1500))
    const m = await target.server.memory()
    readings.push({ events, heapUsed: m.heapUsed, rss: m.rss, ...(target.openCases ? { openCases: await target.openCases() } : {}) })
  }

  let replaced = 0
  let next = 0
  const arriving: Promise<void>[] = []
  const replacing = setInterval(() => {
    for (let k = 0; k < REPLACE_COUNT; k++) {
      const i = (next++) % sockets.length
      sockets[i]!.disconnect()
      arriving.push(socketOf(url, target.auth).then((s) => {
        sockets[i] = s
        replaced++
      }))
    }
  }, REPLACE_EVERY_MS)

  // Warm-up: a tenth of the stream, so JIT code, caches and pools are in place before the first reading.
  const warm = Math.max(1, Math.round(bodies.length / 10))
  const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000 / BATCH))
  const marks = new Set([warm, warm + Math.round((bodies.length - warm) / 3), warm + Math.round((2 * (bodies.length - warm)) / 3), bodies.length])
  // The schedule starts again after each reading, so the stream does not rush to catch up on it.
  let start = performance.now()
  let base = 0
  try {
    for (let i = 0; i < bodies.length; i += perTick) {
      const due = start + ((i - base) / perTick) * TICK_MS
      const wait = due - performance.now()
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      await Promise.all(bodies.slice(i, i + perTick).map(post))
      const sent = Math.min(i + perTick, bodies.length)
      for (const mark of marks) {
        if (mark <= i || mark > sent) continue
        // The first and last readings are taken with no case open, so they compare what stays.
        if (mark === warm || mark === bodies.length) await target.finishCases?.()
        await read(Math.min(mark * BATCH, total))
        start = performance.now()
        base = i + perTick
      }
    }
  } finally {
    clearInterval(replacing)
    await Promise.allSettled(arriving)
    for (const s of sockets) s.disconnect()
  }
  return { readings, socketsReplaced: replaced }
}

export async function benchMemorySoak(total: number, rate: number): Promise<{ ours: MemoryRun; peer: MemoryRun }> {
  const ours = await startChildServer('gridwatch.ts', {}, ['--expose-gc'])
  let oursRun: MemoryRun
  try {
    const login = async (username: string) => ((await (await fetch(`${ours.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }),
    })).json()) as { token: string }).token
    const wall = await login('wall')
    const district = await login('district')
    const get = async <T>(path: string) => (await (await fetch(`${ours.url}${path}`, { headers: { authorization: `Bearer ${district}` } })).json()) as T
    const openCases = async () => (await get<{ open: number }>('/api/v1/cases/board?limit=1')).open
    const finishCases = async () => {
      for (;;) {
        const { cases } = await get<{ cases: Array<{ id: string }> }>('/api/v1/cases?status=open&limit=5000')
        if (cases.length === 0) return
        await postAll(cases.map((c) => c.id), 8, async (id) => {
          const res = await fetch(`${ours.url}/api/v1/cases/${id}/actions`, {
            method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${district}` },
            body: JSON.stringify({ action: 'cancel', note: '压力测试结束，撤销' }),
          })
          if (res.status !== 200) throw new Error(`cancel ${id} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
          await res.arrayBuffer()
        })
      }
    }
    oursRun = await run({ server: ours, auth: { token: wall }, openCases, finishCases }, total, rate)
  } finally {
    await ours.stop()
  }
  const peer = await startChildServer('bare-socketio.ts', {}, ['--expose-gc'])
  try {
    return { ours: oursRun, peer: await run({ server: peer, auth: {} }, total, rate) }
  } finally {
    await peer.stop()
  }
}
