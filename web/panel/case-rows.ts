/**
 * The case board's rows as the wall shows them: tier and status in words, the street, and how long
 * is left until (or has passed since) the deadline the case is working towards.
 */
import type { CaseBoard } from '../../domain/case-board.ts'
import { CASE_STATUS_LABELS, CASE_TIER_LABELS } from '../../domain/cases.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'

export interface CaseRow {
  id: string
  title: string
  tier: string
  tierCode: string
  status: string
  street: string | null
  dueKind: 'accept' | 'arrive' | 'resolve'
  /** `mm:ss` below an hour, else `h:mm:ss`. */
  clock: string
  late: boolean
  escalated: boolean
}

/** @example clockOf(754_000) // '12:34' */
export function clockOf(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000)
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

export function caseRows(board: CaseBoard, opts: { now: number; locale: AppLocale; streetName: (id: string) => string | undefined }): CaseRow[] {
  const lang = opts.locale === 'en' ? 'en' : 'zh'
  return board.urgent.map(({ case: c, due, dueKind }) => {
    const left = Date.parse(due) - opts.now
    return {
      id: c.id,
      title: c.title,
      tier: CASE_TIER_LABELS[c.tier][lang],
      tierCode: c.tier,
      status: CASE_STATUS_LABELS[c.status][lang],
      street: c.path.street ? (opts.streetName(c.path.street) ?? c.path.street) : null,
      dueKind,
      clock: clockOf(left),
      late: left < 0,
      escalated: c.escalations > 0,
    }
  })
}
