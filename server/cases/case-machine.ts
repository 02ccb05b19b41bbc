/**
 * The case state machine: which action may move a case from which status, and what it records.
 * Pure: it returns the changed case and its audit entry, or why the action is refused (`status`
 * 400 for a missing input, 409 for a move the case's state does not allow), for the route to map.
 */
import {
  CASE_STATUS_LABELS, type Case, type CaseAction, type CaseActionName, type CaseAuditEntry, type CaseStatus,
} from '../../domain/cases.ts'
import { tierAbove, type Sla } from './route-case.ts'

/** Which statuses each action may start from, and where it leads (`same`: the status is kept). */
export const TRANSITIONS: Record<CaseActionName, { from: readonly CaseStatus[]; to: CaseStatus | 'same' }> = {
  assign: { from: ['new', 'escalated'], to: 'assigned' },
  accept: { from: ['assigned'], to: 'accepted' },
  arrive: { from: ['accepted'], to: 'on_scene' },
  // A matter settled by phone is resolved without anyone on the scene.
  resolve: { from: ['accepted', 'on_scene'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  escalate: { from: ['new', 'assigned', 'accepted', 'on_scene', 'escalated'], to: 'escalated' },
  cancel: { from: ['new', 'assigned', 'accepted', 'on_scene', 'escalated'], to: 'cancelled' },
  return_visit: { from: ['resolved', 'closed'], to: 'same' },
}

export interface MachineContext {
  /** The case has a 12345 caller: it gets a return visit, and is closed only after one. */
  hotline: boolean
  /** The SLA of the case's category: an escalation restarts the accept and arrive clocks at the new tier. */
  sla?: Sla
}

export type MachineResult =
  | { ok: true; case: Case; audit: CaseAuditEntry }
  | { ok: false; status: 400 | 409; reason: string }

const refuse = (status: 400 | 409, reason: string): MachineResult => ({ ok: false, status, reason })
const label = (s: CaseStatus) => `${s} (${CASE_STATUS_LABELS[s].zh})`

/**
 * @example
 * applyAction(newCase, { action: 'assign' }, 'district', now, { hotline: false })
 * // { ok: true, case: { …, status: 'assigned' }, audit: { action: 'assign', from: 'new', to: 'assigned', actor: 'district', at: now } }
 * applyAction(newCase, { action: 'close' }, 'district', now, { hotline: false })
 * // { ok: false, status: 409, reason: 'case C-… is new (待派遣); close is allowed only from resolved (已办结)' }
 */
export function applyAction(c: Case, input: CaseAction, actor: string, at: string, ctx: MachineContext): MachineResult {
  const rule = TRANSITIONS[input.action]
  const note = input.note?.trim() || undefined
  if (!rule.from.includes(c.status)) {
    return refuse(409, `case ${c.id} is ${label(c.status)}; ${input.action} is allowed only from ${rule.from.map(label).join(', ')}`)
  }
  const to = rule.to === 'same' ? c.status : rule.to
  const next: Case = { ...c, status: to, updatedAt: at }

  switch (input.action) {
    case 'resolve':
      if (!note) return refuse(400, 'resolve needs a note saying how the case was resolved (办结说明)')
      next.resolution = { note, at, by: actor }
      break
    case 'cancel':
      if (!note) return refuse(400, 'cancel needs a note saying why (撤销原因)')
      break
    case 'close':
      if (ctx.hotline && !c.returnVisit) {
        return refuse(409, `case ${c.id} has a 12345 caller; record the return visit (回访) before closing it`)
      }
      break
    case 'return_visit':
      if (!ctx.hotline) return refuse(409, `case ${c.id} has no 12345 caller to visit back`)
      if (!input.result) return refuse(400, 'return_visit needs result: satisfied, basically_satisfied or dissatisfied')
      if (c.returnVisit) return refuse(409, `case ${c.id} already has a return visit (${c.returnVisit})`)
      next.returnVisit = input.result
      break
    case 'escalate': {
      const up = tierAbove(c.tier)
      if (!up) return refuse(409, `case ${c.id} is already at the street, the top of the ladder; it cannot be escalated`)
      next.tier = up
      next.escalations = c.escalations + 1
      if (ctx.sla) {
        const t = Date.parse(at)
        // A resolve deadline already missed gets a fresh one at the new tier; one still ahead stands.
        const resolveMissed = Date.parse(c.deadlines.resolveBy) <= t
        next.deadlines = {
          acceptBy: new Date(t + ctx.sla.acceptMin * 60_000).toISOString(),
          arriveBy: new Date(t + ctx.sla.arriveMin * 60_000).toISOString(),
          resolveBy: resolveMissed ? new Date(t + ctx.sla.resolveMin * 60_000).toISOString() : c.deadlines.resolveBy,
        }
      }
      break
    }
    default:
      break
  }

  const escalationNote = input.action === 'escalate' ? `${c.tier} → ${next.tier}` : undefined
  const auditNote = [escalationNote, input.action === 'return_visit' ? input.result : undefined, note].filter(Boolean).join('; ')
  const audit: CaseAuditEntry = {
    caseId: c.id, action: input.action, from: c.status, to, actor, at, ...(auditNote ? { note: auditNote } : {}),
  }
  return { ok: true, case: next, audit }
}
