/**
 * The case state machine's table (工单状态流转): which statuses each action may start from and where
 * it leads. Pure data, shared by the server's machine (server/cases/case-machine.ts), which enforces
 * it, and the command post (web/post/case-actions.ts), which offers only the buttons it allows, so
 * the two cannot drift apart.
 */
import { CASE_STATUSES, isOpenStatus, type CaseActionName, type CaseStatus } from './cases.ts'

const OPEN: readonly CaseStatus[] = CASE_STATUSES.filter(isOpenStatus)

export interface CaseTransition {
  /** The statuses the action may start from; from any other the machine refuses it (409). */
  from: readonly CaseStatus[]
  /** Where it leads; `same` keeps the status. */
  to: CaseStatus | 'same'
  /** Statuses from which it leads nowhere, e.g. a second unit dispatched to a case already being handled. */
  keep?: readonly CaseStatus[]
}

export const CASE_TRANSITIONS: Record<CaseActionName, CaseTransition> = {
  assign: { from: ['new', 'escalated'], to: 'assigned' },
  dispatch: { from: OPEN, to: 'assigned', keep: ['assigned', 'accepted', 'on_scene'] },
  accept: { from: ['assigned'], to: 'accepted' },
  arrive: { from: ['accepted'], to: 'on_scene' },
  // A matter settled by phone is resolved without anyone on the scene.
  resolve: { from: ['accepted', 'on_scene'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  escalate: { from: OPEN, to: 'escalated' },
  cancel: { from: OPEN, to: 'cancelled' },
  return_visit: { from: ['resolved', 'closed'], to: 'same' },
  whistle: { from: OPEN, to: 'same' },
  report: { from: OPEN, to: 'same' },
}

