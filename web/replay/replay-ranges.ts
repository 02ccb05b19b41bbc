/**
 * The ranges the replay offers: the last 24 hours (the default), today and yesterday as Chengdu
 * counts its days; and a range named in the page's URL (`?from=&until=`), so a replay can be shared.
 */
import { REPLAY_DEFAULT_RANGE_MS, REPLAY_MAX_RANGE_MS } from '../../domain/replay.ts'

export const REPLAY_PRESETS = ['last24h', 'today', 'yesterday'] as const
export type ReplayPreset = (typeof REPLAY_PRESETS)[number]

export interface TimeRange {
  from: number
  until: number
}

const DAY_MS = 86_400_000
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/** Chengdu midnight at the start of `ms`'s day (UTC+8 all year). */
export function shanghaiMidnight(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS
}

/**
 * @example
 * presetRange('yesterday', Date.parse('2026-11-29T04:00:00Z'))
 * // { from: 2026-11-27T16:00Z, until: 2026-11-28T16:00Z } as ms
 */
export function presetRange(preset: ReplayPreset, now: number): TimeRange {
  switch (preset) {
    case 'today':
      return { from: shanghaiMidnight(now), until: now }
    case 'yesterday': {
      const midnight = shanghaiMidnight(now)
      return { from: midnight - DAY_MS, until: midnight }
    }
    default:
      return { from: now - REPLAY_DEFAULT_RANGE_MS, until: now }
  }
}

const instant = (v: unknown): number | null => {
  const s = Array.isArray(v) ? v[0] : v
  if (typeof s !== 'string' || s === '') return null
  const ms = Date.parse(s)
  return Number.isNaN(ms) ? null : ms
}

/**
 * The range the URL names, when both ends are dates the server will take (in order, at most 7
 * days); otherwise null, and the page replays the last 24 hours.
 *
 * @example
 * rangeFromQuery({ from: '2026-11-28T00:00:00+08:00', until: '2026-11-29T00:00:00+08:00' })
 * // { from: 1764259200000, until: 1764345600000 }
 */
export function rangeFromQuery(query: { from?: unknown; until?: unknown }): TimeRange | null {
  const from = instant(query.from)
  const until = instant(query.until)
  if (from === null || until === null || until <= from || until - from > REPLAY_MAX_RANGE_MS) return null
  return { from, until }
}

/**
 * Which preset a range is, within a minute of now (a page left open drifts), or null for any other.
 */
export function presetOf(range: TimeRange, now: number): ReplayPreset | null {
  const near = (a: number, b: number) => Math.abs(a - b) < 60_000
  for (const p of REPLAY_PRESETS) {
    const r = presetRange(p, now)
    if (near(r.from, range.from) && near(r.until, range.until)) return p
  }
  return null
}
