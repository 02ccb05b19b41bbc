/**
 * The post's alert queue: its street's cases, most urgent first (overdue ones by how late, then the
 * nearest deadline, as the district's case board ranks them), each with the countdown to the deadline
 * its status works towards and how its whistle summons stand.
 */
import { dueKindOf } from '../../domain/case-board.ts'
import { CASE_STATUS_LABELS, CASE_TIER_LABELS, DEPARTMENT_LABELS, type Case, type CaseDeadlines, type Department } from '../../domain/cases.ts'
import type { Severity } from '../../domain/event.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import { clockOf } from '../panel/case-rows.ts'

export type DueKind = 'accept' | 'arrive' | 'resolve'
const DUE_FIELD: Record<DueKind, keyof CaseDeadlines> = { accept: 'acceptBy', arrive: 'arriveBy', resolve: 'resolveBy' }

/** Severities that sound the post's alarm and make the row flash. */
export const ALERTING_SEVERITIES: readonly Severity[] = ['severe', 'extreme']

export interface SummonsRow {
  department: string
  label: string
  dueBy: string
  acceptedAt?: string
  arrivedAt?: string
  late: boolean
  /** Still due (not arrived) and the 30 minutes have run out: late even before the server marks it. */
  overdue: boolean
  /** Time left (or past, when overdue) until it must have reported; null once it has arrived. */
  clock: string | null
}

export interface QueueRow {
  id: string
  title: string
  severity: Severity
  tier: string
  tierCode: Case['tier']
  status: string
  statusCode: Case['status']
  dueKind: DueKind
  /** The deadline its status works towards, ISO-8601. */
  due: string
  clock: string
  late: boolean
  escalated: boolean
  units: number
  summons: SummonsRow[]
  alerting: boolean
}

/** The deadline a case in its status is working towards. */
export function dueOf(c: Pick<Case, 'status' | 'deadlines'>): { kind: DueKind; at: string } {
  const kind = dueKindOf(c.status)
  return { kind, at: c.deadlines[DUE_FIELD[kind]] }
}

export const departmentLabel = (code: string, lang: 'zh' | 'en'): string =>
  DEPARTMENT_LABELS[code as Department]?.[lang] ?? code

export function summonsRows(c: Pick<Case, 'summons'>, now: number, locale: AppLocale): SummonsRow[] {
  const lang = locale === 'en' ? 'en' : 'zh'
  return (c.summons ?? []).map((s) => {
    const left = Date.parse(s.dueBy) - now
    const overdue = !s.arrivedAt && left < 0
    return {
      department: s.department,
      label: departmentLabel(s.department, lang),
      dueBy: s.dueBy,
      acceptedAt: s.acceptedAt,
      arrivedAt: s.arrivedAt,
      late: s.late || overdue,
      overdue,
      clock: s.arrivedAt ? null : clockOf(left),
    }
  })
}

/**
 * Most urgent first: the earliest deadline, so the latest overdue case leads; ties by id.
 *
 * @example
 * rankCases([dueIn10Min, lateBy5Min]) // [lateBy5Min, dueIn10Min]
 */
export function rankCases<T extends Pick<Case, 'id' | 'status' | 'deadlines'>>(cases: readonly T[]): T[] {
  return cases
    .map((c) => ({ c, at: Date.parse(dueOf(c).at) }))
    .sort((a, b) => a.at - b.at || a.c.id.localeCompare(b.c.id))
    .map(({ c }) => c)
}

export function queueRows(cases: readonly Case[], opts: { now: number; locale: AppLocale }): QueueRow[] {
  const lang = opts.locale === 'en' ? 'en' : 'zh'
  return rankCases(cases).map((c) => {
    const due = dueOf(c)
    const left = Date.parse(due.at) - opts.now
    return {
      id: c.id,
      title: c.title,
      severity: c.severity,
      tier: CASE_TIER_LABELS[c.tier][lang],
      tierCode: c.tier,
      status: CASE_STATUS_LABELS[c.status][lang],
      statusCode: c.status,
      dueKind: due.kind,
      due: due.at,
      clock: clockOf(left),
      late: left < 0,
      escalated: c.escalations > 0,
      units: c.unitIds?.length ?? 0,
      summons: summonsRows(c, opts.now, opts.locale),
      alerting: ALERTING_SEVERITIES.includes(c.severity),
    }
  })
}
