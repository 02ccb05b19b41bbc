/**
 * Which events are on the map at a replayed moment. Events are sorted by time, so the moment's
 * place and the start of its fading trail are two binary searches, whatever the day holds; only the
 * window between them is ever handed to the map.
 */

/**
 * The number of events at or before `t`: the index of the first event after it.
 *
 * @example
 * upperBound(Float64Array.of(10, 20, 20, 30), 20) // 3
 */
export function upperBound(at: ArrayLike<number>, t: number): number {
  let lo = 0
  let hi = at.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (at[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** How long a dot stays on screen as it fades, in real seconds, whatever the speed. */
export const FADE_REAL_S = 12
/** …but never under 3 or over 180 replayed minutes: at 10× a dot should not blink past, at 1,440× a trail should not cover the day. */
const MIN_FADE_MS = 3 * 60_000
const MAX_FADE_MS = 180 * 60_000
/** The share of the fade during which an event is drawn as the wall draws a new one (icon and halo). */
export const FRESH_SHARE = 0.2

/**
 * Replayed milliseconds over which a dot fades out at `speed`.
 *
 * @example
 * fadeMsFor(60) // 720000: twelve replayed minutes, twelve real seconds
 */
export function fadeMsFor(speed: number): number {
  return Math.min(MAX_FADE_MS, Math.max(MIN_FADE_MS, speed * FADE_REAL_S * 1000))
}

export interface EventWindow {
  /** First event shown (inclusive). */
  start: number
  /** One past the last event shown: the events at or before the moment. */
  end: number
}

/**
 * The events received in `(t - fadeMs, t]`, at most the latest `max` of them: a surge at 1,440×
 * must not hand the map tens of thousands of points a frame.
 *
 * @example
 * eventWindow(Float64Array.of(0, 50, 90, 100, 200), 100, 60, 10) // { start: 1, end: 4 }: 50, 90 and 100
 */
export function eventWindow(at: ArrayLike<number>, t: number, fadeMs: number, max: number): EventWindow {
  const end = upperBound(at, t)
  const start = Math.max(upperBound(at, t - fadeMs), end - max)
  return { start: Math.min(start, end), end }
}
