/**
 * Load mode for benchmarks (`npm run simulate -- --load`): offers a fixed rate of events, in batches,
 * to `POST /api/v1/events` over a few keep-alive connections, and reports offered against accepted
 * events per second.
 *
 * Everything that costs CPU on the producer's side is done before the clock starts: the items come
 * from the seeded `normal-day` generator and every batch is serialised once. During the run the
 * producer only writes bodies, so what is measured is the server.
 *
 * The run is open-loop: a batch is *offered* when its moment comes, whether or not the server kept
 * up. When all `connections` are busy the batch is counted as offered but not sent (`dropped`), so a
 * slow server shows as accepted < offered instead of quietly slowing the offer down.
 */
import type { IngestItem } from '../domain/event.ts'
import type { DistrictHierarchy } from '../geo/index.ts'
import { createNormalDay } from './generators/normal-day.ts'
import { IngestRefused, type HttpProducer } from './http-producer.ts'

export interface LoadBatch {
  /** The batch as a JSON array, serialised before the run. */
  body: string
  count: number
}

/**
 * `count` valid, distinct `normal-day` items (registry sensors and cameras, ids unique per `runId`),
 * all occurring at `at`. Deterministic for a seed and runId.
 * @example
 * const items = generateLoadItems({ seed: 'chenghua-510108', district, count: 20_000, runId: 'load1' })
 */
export function generateLoadItems(o: { seed: string; district: DistrictHierarchy; count: number; runId: string; at?: Date }): IngestItem[] {
  const gen = createNormalDay({ seed: o.seed, district: o.district, runId: o.runId })
  const at = o.at ?? new Date()
  const items = new Array<IngestItem>(o.count)
  for (let i = 0; i < o.count; i++) items[i] = gen.next(at)
  return items
}

/** Cuts the items into batches of at most `size` and serialises each once. */
export function serialiseBatches(items: readonly IngestItem[], size: number): LoadBatch[] {
  const out: LoadBatch[] = []
  for (let i = 0; i < items.length; i += size) {
    const slice = items.slice(i, i + size)
    out.push({ body: JSON.stringify(slice), count: slice.length })
  }
  return out
}

export interface LoadProgress {
  elapsedMs: number
  offered: number
  sent: number
  accepted: number
  inFlight: number
}

export interface LoadSummary extends LoadProgress {
  /** Offered when every connection was busy: not sent. */
  dropped: number
  /** Sent and refused by the server (4xx, 429, 5xx): the batch's events. */
  refused: number
  /** Sent and lost on the network. */
  failed: number
  /** Duplicates the server recognised (sent − accepted − refused − failed). */
  duplicates: number
  /** After the offer window, waiting for the requests still in flight; accepted/s counts it. */
  drainMs: number
  /** Request latencies in ms, sorted. */
  latenciesMs: number[]
  /** The first few errors, for the report. */
  errors: string[]
}

export interface LoadOptions {
  producer: Pick<HttpProducer, 'sendEventsJson'>
  batches: readonly LoadBatch[]
  /** Events per second offered. */
  ratePerSecond: number
  seconds: number
  /** Requests in flight at most: each is one keep-alive connection. */
  connections: number
  onProgress?: (p: LoadProgress) => void
  signal?: AbortSignal
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * @example
 * const batches = serialiseBatches(generateLoadItems({ seed, district, count: 200_000, runId }), 5000)
 * const s = await runLoad({ producer, batches, ratePerSecond: 20_000, seconds: 10, connections: 8 })
 * console.log(s.offered / (s.elapsedMs / 1000), s.accepted / (s.elapsedMs / 1000))
 */
export async function runLoad(o: LoadOptions): Promise<LoadSummary> {
  const s: LoadSummary = { elapsedMs: 0, offered: 0, sent: 0, accepted: 0, inFlight: 0, dropped: 0, refused: 0, failed: 0, duplicates: 0, drainMs: 0, latenciesMs: [], errors: [] }
  const pending = new Set<Promise<void>>()
  const t0 = performance.now()
  const durationMs = o.seconds * 1000
  let next = 0
  let lastProgress = 0
  const perBatch = o.batches.length > 0 ? o.batches.reduce((n, b) => n + b.count, 0) / o.batches.length : 1

  const send = (b: LoadBatch) => {
    const started = performance.now()
    s.sent += b.count
    s.inFlight++
    const p = o.producer.sendEventsJson(b.body).then(
      (reply) => {
        s.accepted += reply.accepted
        s.latenciesMs.push(performance.now() - started)
      },
      (err: unknown) => {
        if (err instanceof IngestRefused) s.refused += b.count
        else s.failed += b.count
        if (s.errors.length < 5) s.errors.push((err as Error).message.slice(0, 300))
      },
    ).finally(() => {
      s.inFlight--
      pending.delete(p)
    })
    pending.add(p)
  }

  for (;;) {
    const elapsed = performance.now() - t0
    if (elapsed >= durationMs || next >= o.batches.length || o.signal?.aborted) break
    // Batches whose moment has come, at the offered rate.
    const due = Math.min(o.batches.length, Math.floor(((elapsed / 1000) * o.ratePerSecond) / perBatch) + 1)
    while (next < due) {
      const b = o.batches[next++]!
      s.offered += b.count
      if (s.inFlight < o.connections) send(b)
      else s.dropped += b.count
    }
    if (o.onProgress && elapsed - lastProgress >= 250) {
      lastProgress = elapsed
      o.onProgress({ elapsedMs: elapsed, offered: s.offered, sent: s.sent, accepted: s.accepted, inFlight: s.inFlight })
    }
    // Wake when the next batch is due (or soon, to keep progress moving).
    const nextAtMs = ((next * perBatch) / o.ratePerSecond) * 1000
    await sleep(Math.max(1, Math.min(50, nextAtMs - (performance.now() - t0))))
  }
  // The offer stops at the deadline; the requests in flight still count, but not in the offer window.
  const offerMs = Math.max(1, performance.now() - t0)
  await Promise.allSettled([...pending])
  s.elapsedMs = offerMs
  s.drainMs = performance.now() - t0 - offerMs
  s.duplicates = Math.max(0, s.sent - s.accepted - s.refused - s.failed)
  s.latenciesMs.sort((a, b) => a - b)
  return s
}

/** Formats a summary: offered vs accepted events/s, and latencies. */
export function describeLoad(s: LoadSummary): string {
  const secs = s.elapsedMs / 1000
  const total = (s.elapsedMs + s.drainMs) / 1000
  const pct = (p: number) => (s.latenciesMs.length ? s.latenciesMs[Math.min(s.latenciesMs.length - 1, Math.floor((p / 100) * s.latenciesMs.length))]!.toFixed(0) : '-')
  const lines = [
    `offered  ${s.offered} events in ${secs.toFixed(1)} s = ${(s.offered / secs).toFixed(0)} events/s`,
    `accepted ${s.accepted} events in ${total.toFixed(1)} s = ${(s.accepted / total).toFixed(0)} events/s (incl. ${(s.drainMs / 1000).toFixed(1)} s for the last requests)`,
    `sent ${s.sent}, dropped (all connections busy) ${s.dropped}, refused ${s.refused}, failed ${s.failed}, duplicates ${s.duplicates}`,
    `request latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms (${s.latenciesMs.length} requests)`,
  ]
  for (const e of s.errors) lines.push(`  error: ${e}`)
  return lines.join('\n')
}
