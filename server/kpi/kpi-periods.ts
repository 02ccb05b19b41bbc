/**
 * KPI periods in Beijing time (Asia/Shanghai, UTC+08:00 all year, no daylight saving): today since
 * local midnight, this week since Monday 00:00, this month since the 1st at 00:00; each runs until now.
 * Days are counted as whole Beijing days since 1970-01-01, the projection's bucket key.
 */
import type { KpiPeriod } from '../../domain/kpi.ts'

const OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

/** The Beijing day an instant falls on, as days since 1970-01-01 (Beijing). */
export const shanghaiDay = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS)

/** The instant a Beijing day starts (its local midnight). */
export const dayStartMs = (day: number): number => day * DAY_MS - OFFSET_MS

/** The first Beijing day of the period that contains `nowMs`. */
export function periodStartDay(period: KpiPeriod, nowMs: number): number {
  const today = shanghaiDay(nowMs)
  if (period === 'today') return today
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  if (period === 'week') return today - ((today + 3) % 7)
  const local = new Date(nowMs + OFFSET_MS)
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) / DAY_MS
}

/**
 * The period's bounds as instants.
 *
 * @example
 * periodBounds('week', Date.parse('2026-06-03T01:00:00+08:00'))
 * // { since: '2026-05-31T16:00:00.000Z' (Monday 1 June 00:00 Beijing), until: '2026-06-02T17:00:00.000Z', startDay: … }
 */
export function periodBounds(period: KpiPeriod, nowMs: number): { since: string; until: string; startDay: number; endDay: number } {
  const startDay = periodStartDay(period, nowMs)
  return { since: new Date(dayStartMs(startDay)).toISOString(), until: new Date(nowMs).toISOString(), startDay, endDay: shanghaiDay(nowMs) }
}

/** The earliest day any period reaches back to now: a week that began last month reaches before the 1st. */
export const oldestPeriodDay = (nowMs: number): number => Math.min(periodStartDay('week', nowMs), periodStartDay('month', nowMs))
