/**
 * The post's alert queue: its street's cases, most urgent first (overdue ones by how late, then the
 * nearest deadline, as the district's case board ranks them), each with the countdown to the deadline
 * its status works towards and how its whistle summons stand.
 */
import { dueOf } from '../../domain/case-board.ts'
import { DEPARTMENT_LABELS, type Case, type Department } from '../../domain/cases.ts'
import type { Severity } from '../../domain/event.ts'
import { countdown } from '../format/format-countdown.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import { caseRowCore, type CaseRowCore } from '../panel/case-rows.ts'

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

export interface QueueRow extends CaseRowCore {
  severity: Severity
  /** The deadline its status works towards, ISO-8601. */
  due: string
  units: number
  summons: SummonsRow[]
  alerting: boolean
}

export const departmentLabel = (code: string, lang: 'zh' | 'en'): string =>
  DEPARTMENT_LABELS[code as Department]?.[lang] ?? code

export function summonsRows(c: Pick<Case, 'summons'>, now: number, locale: AppLocale): SummonsRow[] {
  const lang = locale === 'en' ? 'en' : 'zh'
  return (c.summons ?? []).map((s) => {
    const left = countdown(s.dueBy, now)
    const overdue = !s.arrivedAt && left.late
    return {
      department: s.department,
      label: departmentLabel(s.department, lang),
      dueBy: s.dueBy,
      acceptedAt: s.acceptedAt,
      arrivedAt: s.arrivedAt,
      late: s.late || overdue,
      overdue,
      clock: s.arrivedAt ? null : left.clock,
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
  return rankCases(cases).map((c) => {
    const due = dueOf(c)
    return {
      ...caseRowCore(c, due, opts.now, opts.locale),
      severity: c.severity,
      due: due.at,
      units: c.unitIds?.length ?? 0,
      summons: summonsRows(c, opts.now, opts.locale),
      alerting: ALERTING_SEVERITIES.includes(c.severity),
    }
  })
}
