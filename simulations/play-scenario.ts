/**
 * The engine's playing half: sends a scenario's events to a server through each producer's own door,
 * when the simulated clock reaches them. Events due together go together: a door's messages share one
 * request (up to `maxBatch` in all), 12345 calls go one form each (a few at once), the doors post in
 * parallel, and a CAP warning is stored before anything else of its batch (the calls it causes).
 */
import type { HttpProducer } from './http-producer.ts'
import type { SimClock } from './sim-clock.ts'
import { DOORS, type Door, type SimEvent } from './sim-event.ts'

export interface PlayProgress {
  /** Events sent and answered (stored, or acknowledged as duplicates). */
  sent: number
  /** Of those, newly stored. */
  accepted: number
  duplicates: number
  /** Events in requests the server refused or that failed after retries. */
  failed: number
  byDoor: Record<Door, number>
  /** Simulated time reached. */
  simNow: Date
  /** Real milliseconds since the start. */
  elapsedMs: number
}

export interface PlayOptions {
  events: Iterable<SimEvent>
  clock: SimClock
  producer: HttpProducer
  /** Most messages in one request (the doors take up to 5,000). */
  maxBatch?: number
  /** Stop after this many events. */
  maxEvents?: number
  /** Open311 forms in flight at once. */
  concurrency?: number
  /** Real ms to look ahead: events due that soon join the batch being sent (fewer, larger requests). */
  lingerMs?: number
  signal?: AbortSignal
  /** Called after every request, and at the end. */
  onProgress?: (p: PlayProgress) => void
  /** A refused or failed request; without it the play stops with the error. */
  onError?: (err: unknown, door: Door, events: readonly SimEvent[]) => void
}

type Tally = Pick<PlayProgress, 'accepted' | 'duplicates'>

async function deliver(producer: HttpProducer, door: Door, run: SimEvent[], concurrency: number): Promise<Tally> {
  const pick = <D extends Door>(d: D) => run.filter((e): e is Extract<SimEvent, { door: D }> => e.door === d)
  const ingest = (r: { accepted: number; events: { duplicate: boolean }[] }) => ({ accepted: r.accepted, duplicates: r.events.filter((e) => e.duplicate).length })
  switch (door) {
    case 'sensor':
      return ingest(await producer.sendSensorMessages(pick('sensor').map((e) => e.message)))
    case 'detection':
      return ingest(await producer.sendDetections(pick('detection').map((e) => e.message)))
    case 'incident':
      return ingest(await producer.sendIncidents(pick('incident').map((e) => e.report)))
    case 'cap':
      for (const e of pick('cap')) await producer.sendCap(e.xml)
      return { accepted: run.length, duplicates: 0 }
    case 'hotline': {
      // Open311 takes one request per POST; the Idempotency-Key makes a replay return the stored one.
      const calls = pick('hotline')
      let next = 0
      const worker = async () => {
        while (next < calls.length) {
          const e = calls[next++]!
          await producer.sendOpen311(e.form, e.id)
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, worker))
      return { accepted: calls.length, duplicates: 0 }
    }
  }
}

/**
 * @example
 * const run = expandScenario({ scenario, world, start: clock.start, runId })
 * const summary = await playScenario({ events: run.events(), clock, producer, onProgress: print })
 * summary.sent // 23
 */
export async function playScenario(opts: PlayOptions): Promise<PlayProgress> {
  const { clock, producer, signal } = opts
  const maxBatch = Math.max(1, Math.min(5000, opts.maxBatch ?? 500))
  const maxEvents = opts.maxEvents ?? Infinity
  const lingerMs = opts.lingerMs ?? 200
  const started = Date.now()
  const p: PlayProgress = {
    sent: 0, accepted: 0, duplicates: 0, failed: 0,
    byDoor: Object.fromEntries(DOORS.map((d) => [d, 0])) as Record<Door, number>, simNow: clock.now(), elapsedMs: 0,
  }
  const report = () => {
    p.simNow = clock.now()
    p.elapsedMs = Date.now() - started
    opts.onProgress?.({ ...p, byDoor: { ...p.byDoor } })
  }
  const it = opts.events[Symbol.iterator]()
  let head = it.next()
  let taken = 0

  while (!head.done && taken < maxEvents && !signal?.aborted) {
    await clock.sleepUntil(new Date(head.value.dueAt), signal)
    if (signal?.aborted) break
    const horizon = Number.isFinite(clock.speed) ? new Date(clock.now().getTime() + lingerMs * clock.speed).toISOString() : undefined
    const batch: SimEvent[] = []
    while (!head.done && batch.length < maxBatch && taken < maxEvents && (horizon === undefined || head.value.dueAt <= horizon)) {
      batch.push(head.value)
      taken++
      head = it.next()
    }
    clock.advanceTo(new Date(batch.at(-1)!.dueAt))
    // One request per door (Open311: one per call). A warning goes first, since it explains what follows;
    // the other doors are independent producers and post at the same time.
    const byDoor = new Map<Door, SimEvent[]>()
    for (const e of batch) {
      const list = byDoor.get(e.door)
      if (list) list.push(e)
      else byDoor.set(e.door, [e])
    }
    const send = async (door: Door, run: SimEvent[]) => {
      try {
        const t = await deliver(producer, door, run, opts.concurrency ?? 8)
        p.sent += run.length
        p.accepted += t.accepted
        p.duplicates += t.duplicates
        p.byDoor[door] += run.length
        report()
      } catch (err) {
        p.failed += run.length
        report()
        if (!opts.onError) throw err
        opts.onError(err, door, run)
      }
    }
    const cap = byDoor.get('cap')
    if (cap) await send('cap', cap)
    byDoor.delete('cap')
    const results = await Promise.allSettled([...byDoor].map(([door, run]) => send(door, run)))
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) throw failed.reason
  }
  report()
  return { ...p, byDoor: { ...p.byDoor } }
}
