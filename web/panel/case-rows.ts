/**
 * The case board's rows as the wall shows them: tier and status in words, the street, and how long
 * is left until (or has passed since) the deadline the case is working towards. The post's alert
 * queue (post/queue-rows.ts) builds its rows on the same core.
 */
import type { CaseBoard, DueKind } from '../../domain/case-board.ts'
import { CASE_STATUS_LABELS, CASE_TIER_LABELS, type Case } from '../../domain/cases.ts'
import { countdown } from '../format/format-countdown.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'

/** What every case row shows, on the wall's board and in the post's queue. */
export interface CaseRowCore {
  id: string
  title: string
  tier: string
  tierCode: Case['tier']
  status: string
  statusCode: Case['status']
  dueKind: DueKind
  /** `mm:ss` below an hour, else `h:mm:ss`. */
  clock: string
  late: boolean
  /** Moved up a tier at least once. */
  escalated: boolean
  /** Escalated, and the status does not already say 已上报: the row's own 已上报 flag. */
  escalatedFlag: boolean
}

export interface CaseRow extends CaseRowCore {
  street: string | null
}

/** The core of a row for case `c` working towards `due` (of kind `dueKind`) at `now`. */
export function caseRowCore(c: Case, due: { kind: DueKind; at: string }, now: number, locale: AppLocale): CaseRowCore {
  const lang = locale === 'en' ? 'en' : 'zh'
  const { clock, late } = countdown(due.at, now)
  const escalated = c.escalations > 0
  return {
    id: c.id,
    title: c.title,
    tier: CASE_TIER_LABELS[c.tier][lang],
    tierCode: c.tier,
    status: CASE_STATUS_LABELS[c.status][lang],
    statusCode: c.status,
    dueKind: due.kind,
    clock,
    late,
    escalated,
    escalatedFlag: escalated && c.status !== 'escalated',
  }
}

export function caseRows(board: CaseBoard, opts: { now: number; locale: AppLocale; streetName: (id: string) => string | undefined }): CaseRow[] {
  return board.urgent.map(({ case: c, due, dueKind }) => ({
    ...caseRowCore(c, { kind: dueKind, at: due }, opts.now, opts.locale),
    street: c.path.street ? (opts.streetName(c.path.street) ?? c.path.street) : null,
  }))
}
