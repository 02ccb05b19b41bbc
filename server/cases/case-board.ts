/** The open-case board (domain/case-board.ts) worked out from the open cases in memory. */
import type { Case } from '../../domain/cases.ts'
import { dueKindOf, type CaseBoard } from '../../domain/case-board.ts'

const DUE_FIELD = { accept: 'acceptBy', arrive: 'arriveBy', resolve: 'resolveBy' } as const

/**
 * @example
 * caseBoard(openCases, new Date(), 20) // { open: 412, byTier: { microgrid: 300, … }, overdue: 37, escalated: 12, urgent: [...] }
 */
export function caseBoard(cases: Iterable<Case>, now: Date, limit: number): CaseBoard {
  const byTier = { microgrid: 0, community: 0, street: 0 }
  let open = 0
  let overdue = 0
  let escalated = 0
  const ranked: Array<{ case: Case; due: string; dueKind: 'accept' | 'arrive' | 'resolve'; dueMs: number }> = []
  const nowMs = now.getTime()
  for (const c of cases) {
    open++
    byTier[c.tier]++
    if (c.escalations > 0) escalated++
    const dueKind = dueKindOf(c.status)
    const due = c.deadlines[DUE_FIELD[dueKind]]
    const dueMs = Date.parse(due)
    if (dueMs < nowMs) overdue++
    ranked.push({ case: c, due, dueKind, dueMs })
  }
  ranked.sort((a, b) => a.dueMs - b.dueMs || a.case.id.localeCompare(b.case.id))
  return {
    open, byTier, overdue, escalated, at: now.toISOString(),
    urgent: ranked.slice(0, limit).map(({ case: c, due, dueKind }) => ({ case: c, due, dueKind })),
  }
}
