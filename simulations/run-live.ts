/**
 * Runs the `normal-day` mix in real time against a Gridwatch server, each source through its own
 * producer door, and (when asked) plays a drill every so often on top, so a demo wall always has
 * something to show. Used by `npm start`'s demo mode.
 */
import type { DistrictHierarchy, Sites } from '../geo/index.ts'
import { expandScenario } from './expand-scenario.ts'
import { rainstormWarning } from './generators/cap-warning.ts'
import { createHttpProducer } from './http-producer.ts'
import { playScenario } from './play-scenario.ts'
import { findScenario, SCENARIOS } from './scenarios/index.ts'
import { createSimClock } from './sim-clock.ts'
import { createSimWorld } from './sim-world.ts'

export interface LiveOptions {
  target: string
  apiKey: string
  seed: string
  ratePerMinute: number
  district: DistrictHierarchy
  /** The server's own sites, so a drill does not generate them again. */
  sites?: Sites
  /** Drills played over the normal day: every `everyMin` real minutes the next of `scenarios`, at `speed`. Off when absent. */
  drills?: { everyMin: number; scenarios: readonly string[]; speed?: number }
  log?: { warn(obj: unknown, msg?: string): void }
  /** The share of the installed sensors that send heartbeats (default 0.02, about 500 sensors, ~9 messages/s). */
  heartbeats?: number
}

/** The demo's share of each source spread evenly over the day. */
export const LIVE_FLOOR = 0.25
/** The demo's heartbeat sample of the installed base. */
export const LIVE_HEARTBEATS = 0.02

/** Starts the run; the returned function stops it and waits for the requests in flight. */
export function startLiveSimulation(opts: LiveOptions): () => Promise<void> {
  // A run id from the start time keeps ids unique across restarts on the same data file.
  const runId = `live${Date.now().toString(36)}`
  const world = createSimWorld({ district: opts.district, seed: opts.seed, ...(opts.sites ? { sites: opts.sites } : {}) })
  const producer = createHttpProducer({ target: opts.target, apiKey: opts.apiKey })
  const stop = new AbortController()
  const onError = (err: unknown, door: string) => opts.log?.warn({ err, door }, 'simulation request failed')
  const running: Promise<unknown>[] = []

  const day = findScenario('normal-day')!
  const clock = createSimClock({ speed: 1 })
  // The demo compresses the day to `ratePerMinute` events a minute; a quarter of each source is spread
  // evenly so the wall is never empty at night, and a sample of the sensors beats (all 25,620 would be
  // ~427 messages/s, too much for a 2-core demo machine next to everything else).
  const scenario = {
    ...day,
    steps: day.steps.map((s) => (s.source === 'normal-day'
      ? { ...s, perMinute: opts.ratePerMinute, floor: LIVE_FLOOR, heartbeats: opts.heartbeats ?? LIVE_HEARTBEATS }
      : s)),
  }
  const events = expandScenario({ scenario, world, start: clock.start, runId }).events()
  // The weather bureau warns once per run, so the demo wall has a warning area to draw.
  running.push(
    producer.sendCap(rainstormWarning({ district: opts.district, seed: opts.seed, runId, now: new Date() }))
      .catch((err: unknown) => opts.log?.warn({ err }, 'simulation warning failed'))
      .then(() => playScenario({ events, clock, producer, signal: stop.signal, lingerMs: 1000, onError })),
  )

  let timer: NodeJS.Timeout | undefined
  const drills = opts.drills?.scenarios.filter((name) => name !== 'normal-day' && SCENARIOS[name]) ?? []
  if (opts.drills && drills.length > 0 && opts.drills.everyMin > 0) {
    let n = 0
    const playDrill = () => {
      const drill = SCENARIOS[drills[n % drills.length]!]!
      const drillClock = createSimClock({ speed: opts.drills?.speed ?? 10 })
      const run = expandScenario({ scenario: drill, world, start: drillClock.start, runId: `${runId}d${n++}` })
      running.push(playScenario({ events: run.events(), clock: drillClock, producer, signal: stop.signal, onError }).catch((err: unknown) => onError(err, 'drill')))
      timer = setTimeout(playDrill, opts.drills!.everyMin * 60_000)
    }
    timer = setTimeout(playDrill, opts.drills.everyMin * 60_000)
  }

  return async () => {
    clearTimeout(timer)
    stop.abort()
    await Promise.allSettled(running)
  }
}
