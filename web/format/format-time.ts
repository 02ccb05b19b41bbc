/**
 * Times on the wall are Chengdu wall-clock times whatever zone the display PC is set to:
 * the operators read them against their own clocks and against "today" as the server counts it.
 */

export const WALL_TIME_ZONE = 'Asia/Shanghai'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${key}|${locale}`
  let f = formatters.get(id)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: WALL_TIME_ZONE, ...options })
    formatters.set(id, f)
  }
  return f
}

function parts(date: Date, locale: string, key: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of formatter(key, locale, options).formatToParts(date)) out[p.type] = p.value
  return out
}

/**
 * `HH:mm:ss` on a 24-hour clock; an empty string for an invalid date.
 *
 * @example
 * formatClock(new Date('2025-03-01T01:02:03Z')) // '09:02:03'
 */
export function formatClock(date: Date | number | string): string {
  const d = date instanceof Date ? date : new Date(date)
  if (Number.isNaN(d.getTime())) return ''
  const p = parts(d, 'en-GB', 'clock', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
  return `${p.hour}:${p.minute}:${p.second}`
}

/**
 * `YYYY-MM-DD`; an empty string for an invalid date.
 *
 * @example
 * formatDate(new Date('2025-03-01T20:00:00Z')) // '2025-03-02'
 */
export function formatDate(date: Date | number | string): string {
  const d = date instanceof Date ? date : new Date(date)
  if (Number.isNaN(d.getTime())) return ''
  const p = parts(d, 'en-GB', 'date', { year: 'numeric', month: '2-digit', day: '2-digit' })
  return `${p.year}-${p.month}-${p.day}`
}

/**
 * The weekday in the given locale, e.g. `星期六` or `Saturday`.
 *
 * @example
 * formatWeekday(new Date('2025-03-01T04:00:00Z'), 'zh-CN') // '星期六'
 */
export function formatWeekday(date: Date | number | string, locale: string): string {
  const d = date instanceof Date ? date : new Date(date)
  if (Number.isNaN(d.getTime())) return ''
  return formatter('weekday', locale, { weekday: 'long' }).format(d)
}

/**
 * `YYYY-MM-DD HH:mm:ss`, Chengdu time; an empty string for an invalid date.
 *
 * @example
 * formatDateTime('2025-03-01T20:00:05Z') // '2025-03-02 04:00:05'
 */
export function formatDateTime(date: Date | number | string): string {
  const d = date instanceof Date ? date : new Date(date)
  if (Number.isNaN(d.getTime())) return ''
  return `${formatDate(d)} ${formatClock(d)}`
}

/**
 * `HH:mm` for a time on the same Chengdu day as `now`, `MM-DD HH:mm` otherwise: short enough for a
 * list row, and never mistaken for today when it was yesterday.
 *
 * @example
 * formatWhen('2025-03-01T02:05:00Z', Date.parse('2025-03-01T09:00:00Z')) // '10:05'
 * formatWhen('2025-02-28T02:05:00Z', Date.parse('2025-03-01T09:00:00Z')) // '02-28 10:05'
 */
export function formatWhen(date: Date | number | string, now: number): string {
  const d = date instanceof Date ? date : new Date(date)
  if (Number.isNaN(d.getTime())) return ''
  const clock = formatClock(d).slice(0, 5)
  const day = formatDate(d)
  return day === formatDate(now) ? clock : `${day.slice(5)} ${clock}`
}
