/**
 * A briefing's period in Beijing time: a calendar day, or the Monday-to-Sunday week holding a date,
 * with the period before it and the buckets of its trend (hours of the day, days of the week).
 */
import type { BriefingKind } from '../../domain/briefing.ts'
import { dayStartMs } from '../kpi/kpi-periods.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

export interface BriefingPeriod {
  kind: BriefingKind
  /** First and last Beijing day (days since 1970-01-01), inclusive. */
  startDay: number
  endDay: number
  sinceMs: number
  untilMs: number
  /** The same span one period earlier. */
  previous: { startDay: number; endDay: number; sinceMs: number; untilMs: number }
  bucketMs: number
  /** A label per bucket: `08:00`, or `12-07 周一`. */
  labels: string[]
}

/** `YYYY-MM-DD` of a Beijing day. */
export const dayDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** The Beijing day a `YYYY-MM-DD` names, or undefined for a date that does not exist (2026-02-30). */
export function dateDay(date: string): number | undefined {
  const ms = Date.parse(`${date}T00:00:00Z`)
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return undefined
  return ms / DAY_MS
}

/**
 * The period of the given kind that holds `day`.
 *
 * @example
 * briefingPeriod('weekly', dateDay('2026-12-09')!)  // Monday 2026-12-07 to Sunday 2026-12-13, against 11-30 to 12-06
 */
export function briefingPeriod(kind: BriefingKind, day: number): BriefingPeriod {
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  const startDay = kind === 'daily' ? day : day - ((day + 3) % 7)
  const days = kind === 'daily' ? 1 : 7
  const span = (first: number) => ({ startDay: first, endDay: first + days - 1, sinceMs: dayStartMs(first), untilMs: dayStartMs(first + days) })
  const bucketMs = kind === 'daily' ? HOUR_MS : DAY_MS
  const labels = kind === 'daily'
    ? Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`)
    : Array.from({ length: 7 }, (_, i) => `${dayDate(startDay + i).slice(5)} ${WEEKDAYS[i]}`)
  return { kind, ...span(startDay), previous: span(startDay - days), bucketMs, labels }
}
