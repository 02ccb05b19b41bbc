/**
 * The replay's clock: replayed time runs at `speed` times real time from an anchor, so pausing,
 * seeking and changing speed each just set a new anchor, and the time at any moment is one
 * multiplication (no accumulated per-frame steps that drift when frames are late or skipped).
 * Values, not objects that change: each operation returns the next clock.
 */

/** The speeds offered: 10×, 60× (a day in 24 minutes, the default), 300×, 1,440× (a day in a minute). */
export const REPLAY_SPEEDS = [10, 60, 300, 1440] as const
export const DEFAULT_SPEED = 60

export interface PlaybackClock {
  /** The range replayed, ms since the epoch. */
  from: number
  until: number
  speed: number
  playing: boolean
  /** Real time (any monotonic ms clock, e.g. `performance.now()`) of the anchor. */
  anchorReal: number
  /** Replayed time at the anchor. */
  anchorTime: number
}

const clamp = (t: number, c: { from: number; until: number }) => Math.min(c.until, Math.max(c.from, t))

/** A paused clock at the start of the range. */
export function createClock(from: number, until: number, speed: number = DEFAULT_SPEED): PlaybackClock {
  if (!(until > from)) throw new Error(`replay clock: until (${until}) must be after from (${from})`)
  if (!(speed > 0)) throw new Error(`replay clock: speed must be positive, got ${speed}`)
  return { from, until, speed, playing: false, anchorReal: 0, anchorTime: from }
}

/**
 * Replayed time at real time `realNow`, within the range.
 *
 * @example
 * const c = play(createClock(0, 86_400_000, 60), 1000)
 * timeAt(c, 2000) // 60000: one real second is a replayed minute
 */
export function timeAt(c: PlaybackClock, realNow: number): number {
  if (!c.playing) return c.anchorTime
  return clamp(c.anchorTime + (realNow - c.anchorReal) * c.speed, c)
}

/** Played to the end of the range. */
export function ended(c: PlaybackClock, realNow: number): boolean {
  return timeAt(c, realNow) >= c.until
}

/** Plays on from where it stands; from the start again when it had reached the end. */
export function play(c: PlaybackClock, realNow: number): PlaybackClock {
  const t = timeAt(c, realNow)
  return { ...c, playing: true, anchorReal: realNow, anchorTime: t >= c.until ? c.from : t }
}

export function pause(c: PlaybackClock, realNow: number): PlaybackClock {
  return { ...c, playing: false, anchorReal: realNow, anchorTime: timeAt(c, realNow) }
}

/** Jumps to replayed time `t` (kept within the range), playing on if it was playing. */
export function seek(c: PlaybackClock, t: number, realNow: number): PlaybackClock {
  return { ...c, anchorReal: realNow, anchorTime: clamp(t, c) }
}

/** A new speed from now on; the replayed time does not jump. */
export function setSpeed(c: PlaybackClock, speed: number, realNow: number): PlaybackClock {
  if (!(speed > 0)) throw new Error(`replay clock: speed must be positive, got ${speed}`)
  return { ...c, speed, anchorReal: realNow, anchorTime: timeAt(c, realNow) }
}
