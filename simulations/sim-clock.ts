/**
 * The simulation's clock: simulated time that starts at `start` and runs `speed` times faster than
 * the wall clock (×1 for a live demo, ×60 or ×600 for drills, `Infinity` to send as fast as the
 * server takes it). Every generated event is stamped with simulated time, so a drill played at ×600
 * stores the same `occurredAt` spacing as one played in real time.
 */

export interface SimClock {
  /** Simulated time at the start of the run. */
  readonly start: Date
  /** Simulated seconds per real second; `Infinity` never waits. */
  readonly speed: number
  /** The simulated time now. At `Infinity` speed, the time of the newest event played (see `advanceTo`). */
  now(): Date
  /** Real milliseconds until the simulated time `at` (0 when it has passed). */
  realDelayUntil(at: Date): number
  /** Waits (in real time) until the simulated time `at`; resolves early when `signal` aborts. */
  sleepUntil(at: Date, signal?: AbortSignal): Promise<void>
  /** At `Infinity` speed, moves simulated time forward to `at` (never back); otherwise does nothing. */
  advanceTo(at: Date): void
}

export interface SimClockOptions {
  /** Simulated start time; the real time now when absent. */
  start?: Date
  speed?: number
  /** The real clock in ms, for tests. */
  realNow?: () => number
}

/**
 * @example
 * const clock = createSimClock({ speed: 60 })
 * clock.realDelayUntil(new Date(clock.start.getTime() + 60_000)) // ≈ 1000: a simulated minute is a real second
 */
export function createSimClock(opts: SimClockOptions = {}): SimClock {
  const speed = opts.speed ?? 1
  if (!(speed > 0)) throw new RangeError(`speed must be a positive number or Infinity, got ${speed}`)
  const realNow = opts.realNow ?? Date.now
  const realStart = realNow()
  const start = new Date(opts.start ?? realStart)
  let reached = start.getTime()

  const simMs = () => (Number.isFinite(speed) ? start.getTime() + (realNow() - realStart) * speed : reached)

  const clock: SimClock = {
    start,
    speed,
    now: () => new Date(simMs()),
    realDelayUntil(at) {
      if (!Number.isFinite(speed)) return 0
      return Math.max(0, (at.getTime() - simMs()) / speed)
    },
    sleepUntil(at, signal) {
      const ms = clock.realDelayUntil(at)
      if (ms <= 0 || signal?.aborted) return Promise.resolve()
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer)
          signal?.removeEventListener('abort', done)
          resolve()
        }
        const timer = setTimeout(done, ms)
        signal?.addEventListener('abort', done, { once: true })
      })
    },
    advanceTo(at) {
      if (!Number.isFinite(speed)) reached = Math.max(reached, at.getTime())
    },
  }
  return clock
}

/**
 * `--speed` as typed: a number (`60`, `x600`, `×60`) or `max` for as fast as possible.
 *
 * @example
 * parseSpeed('x60') // 60
 * parseSpeed('max') // Infinity
 */
export function parseSpeed(text: string): number {
  const t = text.trim().toLowerCase().replace(/^[x×]/, '')
  if (t === 'max' || t === 'inf' || t === 'infinity') return Infinity
  const n = Number(t)
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`--speed must be a positive number or 'max', got '${text}'`)
  return n
}
