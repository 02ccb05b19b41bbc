/**
 * Runs the `normal-day` mix in real time against a Gridwatch server: Poisson arrivals at the given
 * rate, sent in small batches over HTTP. Used by `npm start`'s demo mode.
 */
import type { DistrictHierarchy } from '../geo/index.ts'
import { createRandom } from '../geo/index.ts'
import { createNormalDay } from './generators/normal-day.ts'
import { createHttpProducer } from './http-producer.ts'
import { rainstormWarning } from './generators/cap-warning.ts'

export interface LiveOptions {
  target: string
  apiKey: string
  seed: string
  ratePerMinute: number
  district: DistrictHierarchy
  log?: { warn(obj: unknown, msg?: string): void }
}

/** Starts the run; the returned function stops it and waits for the batch in flight. */
export function startLiveSimulation(opts: LiveOptions): () => Promise<void> {
  // A run id from the start time keeps sourceIds unique across restarts on the same data file.
  const runId = `live${Date.now().toString(36)}`
  const gen = createNormalDay({ seed: opts.seed, district: opts.district, runId })
  const arrivals = createRandom(opts.seed).fork(`arrivals-${runId}`)
  const producer = createHttpProducer({ target: opts.target, apiKey: opts.apiKey })
  const meanGapMs = 60_000 / opts.ratePerMinute
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<unknown> = Promise.resolve()

  const tick = () => {
    if (stopped) return
    // Draw the events that arrive within the next second at most, and send them together.
    const batch = []
    let wait = 0
    do {
      wait += -Math.log(1 - arrivals.next()) * meanGapMs
      batch.push(gen.next(new Date()))
    } while (wait < 1000 && batch.length < 500)
    inFlight = producer.send(batch).catch((err: unknown) => opts.log?.warn({ err }, 'simulation batch failed'))
    timer = setTimeout(tick, Math.max(20, wait))
  }
  timer = setTimeout(tick, 500)
  // The weather bureau warns once per run, so the demo wall has a warning area to draw.
  inFlight = producer
    .sendCap(rainstormWarning({ district: opts.district, seed: opts.seed, runId, now: new Date() }))
    .catch((err: unknown) => opts.log?.warn({ err }, 'simulation warning failed'))

  return async () => {
    stopped = true
    clearTimeout(timer)
    await inFlight
  }
}
