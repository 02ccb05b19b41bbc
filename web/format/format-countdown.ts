/**
 * Countdowns to a deadline (接单, 到场, 办结, a summons' 30 minutes), as the case board, the post's
 * queue and its case detail show them: the time left, or past once it has passed.
 */

/** @example clockOf(754_000) // '12:34' (`mm:ss` below an hour, else `h:mm:ss`; the sign is dropped) */
export function clockOf(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000)
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

export interface Countdown {
  /** Milliseconds to the deadline; negative once past. */
  leftMs: number
  clock: string
  late: boolean
}

/**
 * @example
 * countdown('2026-11-29T10:12:34Z', Date.parse('2026-11-29T10:00:00Z')) // { leftMs: 754000, clock: '12:34', late: false }
 */
export function countdown(dueIso: string, now: number): Countdown {
  const leftMs = Date.parse(dueIso) - now
  return { leftMs, clock: clockOf(leftMs), late: leftMs < 0 }
}
