/**
 * Ingest-to-client latency: 200 `socket.io-client` sockets while a producer posts 2,000 events/s.
 * Latency is from just before the POST to the client's receipt, on one clock (one process).
 * The peer is a bare Socket.IO server broadcasting each posted batch at once.
 */
import { io as connect, type Socket } from 'socket.io-client'
import { startChildServer } from './child-server.ts'
import { percentile, workload } from './workload.ts'

interface Result { p50: number; p99: number; delivered: number; expected: number }

async function measure(url: string, auth: Record<string, string>, clients: number, rate: number, seconds: number): Promise<Result> {
  const sockets: Socket[] = []
  await Promise.all(Array.from({ length: clients }, () => new Promise<void>((resolve, reject) => {
    const s = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true })
    sockets.push(s)
    s.once('connect', () => resolve())
    s.once('connect_error', reject)
  })))
  const total = rate * seconds
  const items = workload(total, `lat${Date.now()}`)
  const sentAt = new Map<string, number>()
  const samples = new Float64Array(total * clients)
  let count = 0
  for (const s of sockets) {
    s.on('events', (frame: { events: Array<{ sourceId: string }> }) => {
      const now = performance.now()
      for (const e of frame.events) {
        const t = sentAt.get(e.sourceId)
        if (t !== undefined && count < samples.length) samples[count++] = now - t
      }
    })
  }
  const tickMs = 50
  const perTick = Math.round((rate * tickMs) / 1000)
  const start = performance.now()
  const posts: Promise<unknown>[] = []
  for (let i = 0; i < total; i += perTick) {
    const batch = items.slice(i, i + perTick)
    const due = start + (i / perTick) * tickMs
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const t = performance.now()
    for (const e of batch) sentAt.set(e.sourceId, t)
    posts.push(fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'demo-producer-key' }, body: JSON.stringify(batch) }).then((r) => r.arrayBuffer()))
  }
  await Promise.all(posts)
  await new Promise((r) => setTimeout(r, 1500))
  for (const s of sockets) s.disconnect()
  const sorted = samples.slice(0, count).sort()
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), delivered: count, expected: total * clients }
}

export async function benchDeliveryLatency(clients: number, rate: number, seconds: number, frameIntervalMs: number) {
  const ours = await startChildServer('gridwatch.ts', { FRAME_INTERVAL_MS: String(frameIntervalMs) })
  const login = await (await fetch(`${ours.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wall', password: 'demo' }) })).json() as { token: string }
  const a = await measure(ours.url, { token: login.token }, clients, rate, seconds)
  await ours.stop()
  return a
}

export async function benchBareBroadcastLatency(clients: number, rate: number, seconds: number) {
  const bare = await startChildServer('bare-socketio.ts')
  const b = await measure(bare.url, {}, clients, rate, seconds)
  await bare.stop()
  return b
}
