/**
 * The briefing's periods as the page names and steps through them. A day is a Beijing calendar day
 * and a week runs Monday to Sunday, named by its Monday (domain/briefing.ts). Dates are plain
 * `YYYY-MM-DD` strings, worked on as UTC calendar dates so that the browser's own zone (a laptop
 * set to Europe, say) can never shift a day.
 */
import { BRIEFING_KINDS, type BriefingKind } from '../../domain/briefing.ts'
import { formatDate } from '../format/format-time.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
/** A street's id: the district's six digits and three more (as the server's `street=` accepts). */
const STREET_ID_RE = /^\d{9}$/
const DAY_MS = 86_400_000

/** The UTC midnight of a `YYYY-MM-DD`, or null for anything that is not a real date. */
function parseDate(date: string): Date | null {
  const m = DATE_RE.exec(date)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  // 2026-02-30 rolls over to March: not a real date.
  return d.toISOString().slice(0, 10) === date ? d : null
}

function mustParse(date: string): Date {
  const d = parseDate(date)
  if (!d) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`)
  return d
}

/** @example isBriefingDate('2026-12-07') // true; isBriefingDate('2026-02-30') // false */
export function isBriefingDate(date: unknown): date is string {
  return typeof date === 'string' && parseDate(date) !== null
}

/** @example addDays('2026-12-31', 1) // '2027-01-01' */
export function addDays(date: string, days: number): string {
  return new Date(mustParse(date).getTime() + days * DAY_MS).toISOString().slice(0, 10)
}

/** The Monday of the week a date falls in. @example mondayOf('2026-12-06') // '2026-11-30' (a Sunday) */
export function mondayOf(date: string): string {
  const weekday = (mustParse(date).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return addDays(date, -weekday)
}

/** The date that names the period a date falls in: the day itself, or its week's Monday. */
export function periodDate(kind: BriefingKind, date: string): string {
  return kind === 'weekly' ? mondayOf(date) : date
}

/** The period `steps` before (negative) or after (positive). @example shiftPeriod('weekly', '2026-12-09', -1) // '2026-11-30' */
export function shiftPeriod(kind: BriefingKind, date: string, steps: number): string {
  return addDays(periodDate(kind, date), steps * (kind === 'weekly' ? 7 : 1))
}

/** Today's date in Beijing. */
export function beijingToday(now: number): string {
  return formatDate(now)
}

/**
 * Whether the period after the one shown has begun yet (there is nothing to brief on before that).
 *
 * @example
 * hasNextPeriod('daily', '2026-12-06', '2026-12-07')  // true
 * hasNextPeriod('weekly', '2026-12-07', '2026-12-09') // false: that week is this week
 */
export function hasNextPeriod(kind: BriefingKind, date: string, today: string): boolean {
  return shiftPeriod(kind, date, 1) <= periodDate(kind, today)
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function fmt(locale: AppLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    // British English writes "7 Dec 2026", the day-first order the Chinese also reads in.
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { timeZone: 'UTC', ...options })
    formatters.set(key, f)
  }
  return f
}

/**
 * The period in words: a day with its weekday, a week as its first and last day.
 *
 * @example
 * formatPeriod('daily', '2026-12-07', 'zh-CN')  // '2026年12月7日 星期一'
 * formatPeriod('weekly', '2026-11-30', 'zh-CN') // '2026年11月30日—12月6日'
 * formatPeriod('weekly', '2026-11-30', 'en')    // '30 Nov – 6 Dec 2026'
 */
export function formatPeriod(kind: BriefingKind, date: string, locale: AppLocale): string {
  const first = mustParse(periodDate(kind, date))
  if (kind === 'daily') {
    const day = fmt(locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric' }).format(first)
    const weekday = fmt(locale, { weekday: locale === 'en' ? 'short' : 'long' }).format(first)
    return locale === 'en' ? `${weekday} ${day}` : `${day} ${weekday}`
  }
  const last = new Date(first.getTime() + 6 * DAY_MS)
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear()
  if (locale === 'en') {
    const dayMonth = fmt(locale, { day: 'numeric', month: 'short' })
    const full = fmt(locale, { day: 'numeric', month: 'short', year: 'numeric' })
    return `${(sameYear ? dayMonth : full).format(first)} – ${full.format(last)}`
  }
  const full = fmt(locale, { year: 'numeric', month: 'long', day: 'numeric' })
  const monthDay = fmt(locale, { month: 'long', day: 'numeric' })
  return `${full.format(first)}—${(sameYear ? monthDay : full).format(last)}`
}

/** What the page's address asks for: `?kind=weekly&date=2026-11-30`; anything unreadable falls back. */
export interface BriefingRequest {
  kind: BriefingKind
  /** Null: the server's default, today in Beijing. */
  date: string | null
  /** One street's briefing for a district-wide user; null for their whole scope (a street user's is always theirs). */
  street: string | null
}

/**
 * @example
 * parseBriefingQuery({ kind: 'weekly', date: '2026-12-09' }) // { kind: 'weekly', date: '2026-12-07', street: null }
 * parseBriefingQuery({ kind: 'yearly', date: 'soon' })      // { kind: 'daily', date: null, street: null }
 */
export function parseBriefingQuery(query: Record<string, unknown>): BriefingRequest {
  const first = (v: unknown) => (Array.isArray(v) ? (v[0] as unknown) : v)
  const rawKind = first(query['kind'])
  const kind: BriefingKind = BRIEFING_KINDS.find((k) => k === rawKind) ?? 'daily'
  const rawDate = first(query['date'])
  const rawStreet = first(query['street'])
  return {
    kind,
    date: isBriefingDate(rawDate) ? periodDate(kind, rawDate) : null,
    street: typeof rawStreet === 'string' && STREET_ID_RE.test(rawStreet) ? rawStreet : null,
  }
}

/**
 * The page's address for a request, without what is the default (today, the whole scope).
 *
 * @example
 * briefingQuery({ kind: 'weekly', date: null, street: null }) // { kind: 'weekly' }
 */
export function briefingQuery(request: BriefingRequest): Record<string, string> {
  const query: Record<string, string> = { kind: request.kind }
  if (request.date !== null) query['date'] = request.date
  if (request.street !== null) query['street'] = request.street
  return query
}

/**
 * The API's address for a request: the page's query minus the kind, which is in the path.
 *
 * @example
 * briefingUrl({ kind: 'daily', date: null, street: null }) // '/api/v1/briefings/daily'
 */
export function briefingUrl(request: BriefingRequest): string {
  const { kind: _kind, ...params } = briefingQuery(request)
  const search = new URLSearchParams(params).toString()
  return `/api/v1/briefings/${request.kind}${search ? `?${search}` : ''}`
}
