/**
 * Which actions a command post may offer on a case, from its status and what the case holds. The
 * status table is the server's own (domain/case-transitions.ts); the rest are the machine's own
 * refusals seen in advance (a return visit needs a 12345 caller, a whistle a
 * street-tier case, a report a department summoned and not yet arrived), so the post shows only
 * buttons that can work. The server stays the judge: a 409 it sends is shown as it says.
 */
import { CASE_TRANSITIONS } from '../../domain/case-transitions.ts'
import type { Case, CaseActionName } from '../../domain/cases.ts'

/** The order buttons appear in: the loop's next step first, the exceptional ones last. */
export const ACTION_ORDER: readonly CaseActionName[] = [
  'dispatch', 'assign', 'accept', 'arrive', 'resolve', 'return_visit', 'close', 'whistle', 'escalate', 'cancel',
]

export interface ActionContext {
  /** The case has a 12345 caller (any of its events came from the hotline). */
  hotline: boolean
}

/** Summoned departments that have not arrived yet: each may still report (报到). */
export function pendingSummons(c: Pick<Case, 'summons'>): NonNullable<Case['summons']> {
  return (c.summons ?? []).filter((s) => !s.arrivedAt)
}

/**
 * The actions to show, in button order; `report` is left to the summons list (one per department).
 *
 * @example
 * allowedActions({ status: 'new', tier: 'microgrid', escalations: 0 }, { hotline: false })
 * // ['dispatch', 'assign', 'escalate', 'cancel']
 */
export function allowedActions(
  c: Pick<Case, 'status' | 'tier' | 'returnVisit' | 'summons'>,
  ctx: ActionContext,
): CaseActionName[] {
  return ACTION_ORDER.filter((action) => {
    if (!CASE_TRANSITIONS[action].from.includes(c.status)) return false
    switch (action) {
      case 'return_visit':
        return ctx.hotline && !c.returnVisit
      case 'close':
        return !ctx.hotline || Boolean(c.returnVisit)
      case 'escalate':
        return c.tier !== 'street'
      case 'whistle':
        return c.tier === 'street'
      default:
        return true
    }
  })
}

/** Whether a summoned department may report this stage now: accept once, then arrive once. */
export function canReport(c: Pick<Case, 'status'>, s: NonNullable<Case['summons']>[number], stage: 'accept' | 'arrive'): boolean {
  if (!CASE_TRANSITIONS.report.from.includes(c.status)) return false
  return stage === 'accept' ? !s.acceptedAt && !s.arrivedAt : !s.arrivedAt
}
