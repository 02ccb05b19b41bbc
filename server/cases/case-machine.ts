/**
 * The case state machine: which action may move a case from which status, and what it records.
 * Pure: it returns the changed case and its audit entry, or why the action is refused (`status`
 * 400 for a missing or unknown input, 409 for a move the case's state does not allow), for the
 * route to map. Units are only read here (through `ctx.units`); moving them is the unit engine's.
 */
import {
  CASE_STATUS_LABELS, CASE_TIER_LABELS, FINISHED_STATUSES, RETURN_VISIT_LABELS,
  type Case, type CaseAction, type CaseAuditEntry, type CaseStatus,
} from '../../domain/cases.ts'
import { CASE_TRANSITIONS } from '../../domain/case-transitions.ts'
import { DISPATCHABLE_STATUSES, UNIT_STATUS_LABELS, type Unit } from '../../domain/units.ts'
import { tierAbove, type Sla } from './route-case.ts'
import { departmentName, report, summon } from './summons.ts'

/** The units the machine reads: a dispatch's unit, and a whistle's department team in the case's street. */
export interface UnitDirectory {
  get(id: string): Unit | undefined
  teamOf(department: string, street: string): Unit | undefined
}

export interface MachineContext {
  /** The case has a 12345 caller: it gets a return visit, and is closed only after one. */
  hotline: boolean
  /** The SLA of the case's category: an escalation restarts the accept and arrive clocks at the new tier. */
  sla?: Sla
  /** Without it no unit is known: a dispatch is refused, a whistle summons without sending teams. */
  units?: UnitDirectory
}

export type MachineResult =
  | { ok: true; case: Case; audit: CaseAuditEntry }
  | { ok: false; status: 400 | 409; reason: string }

const refuse = (status: 400 | 409, reason: string): MachineResult => ({ ok: false, status, reason })
const label = (s: CaseStatus) => `${s} (${CASE_STATUS_LABELS[s].zh})`
const unitLabel = (u: Unit) => `${u.id} (${u.name})`
/** Refusals are for whoever calls the API; audit notes for the operators on the post, in Chinese, name first. */
const unitNote = (u: Unit) => `${u.name}（${u.id}）`

/** Why a unit cannot be sent to case `c`, or undefined when it can. */
function unitRefusal(c: Case, unitId: string, ctx: MachineContext): MachineResult | undefined {
  const u = ctx.units?.get(unitId)
  if (!u) return refuse(400, `no unit ${unitId}`)
  if (!DISPATCHABLE_STATUSES.includes(u.status)) {
    const where = u.caseId === c.id ? 'already on this case' : `on case ${u.caseId ?? '?'}`
    return refuse(409, `unit ${unitLabel(u)} is ${u.status} (${UNIT_STATUS_LABELS[u.status].zh}) ${where}; a unit cannot be on two cases at once`)
  }
  return undefined
}

/**
 * @example
 * applyAction(newCase, { action: 'assign' }, 'district', now, { hotline: false })
 * // { ok: true, case: { …, status: 'assigned' }, audit: { action: 'assign', from: 'new', to: 'assigned', actor: 'district', at: now } }
 * applyAction(newCase, { action: 'close' }, 'district', now, { hotline: false })
 * // { ok: false, status: 409, reason: 'case C-… is new (待派遣); close is allowed only from resolved (已办结)' }
 */
export function applyAction(c: Case, input: CaseAction, actor: string, at: string, ctx: MachineContext): MachineResult {
  const rule = CASE_TRANSITIONS[input.action]
  const note = input.note?.trim() || undefined
  if (!rule.from.includes(c.status)) {
    return refuse(409, `case ${c.id} is ${label(c.status)}; ${input.action} is allowed only from ${rule.from.map(label).join(', ')}`)
  }
  const to = rule.to === 'same' || rule.keep?.includes(c.status) ? c.status : rule.to
  const unitIds = c.unitIds ?? []
  const next: Case = { ...c, status: to, updatedAt: at, unitIds }
  // The units sent, for the audit note.
  const sent: string[] = []

  switch (input.action) {
    case 'assign':
    case 'dispatch': {
      if (input.action === 'dispatch' && !input.unitId) return refuse(400, 'dispatch needs unitId: the unit sent (调派力量)')
      if (!input.unitId) break
      const refusal = unitRefusal(c, input.unitId, ctx)
      if (refusal) return refusal
      next.unitIds = [...unitIds, input.unitId]
      sent.push(unitNote(ctx.units!.get(input.unitId)!))
      break
    }
    case 'whistle': {
      if (c.tier !== 'street') {
        return refuse(409, `whistle (吹哨) is for street-tier cases; case ${c.id} is at ${c.tier} (${CASE_TIER_LABELS[c.tier].zh})`)
      }
      const summoned = summon(c, input.departments, at)
      if (!summoned.ok) return summoned
      next.summons = summoned.summons
      // Each department's team in the case's street goes too, when it is free; a busy one is noted.
      const street = c.path.street
      const ids = [...unitIds]
      for (const d of input.departments!) {
        const team = street ? ctx.units?.teamOf(d, street) : undefined
        if (!team) sent.push(`${departmentName(d)}：本街道无该部门队伍`)
        else if (!DISPATCHABLE_STATUSES.includes(team.status)) {
          sent.push(`${unitNote(team)}${team.caseId === c.id ? '已在本工单' : `正在处置 ${team.caseId ?? '?'}`}`)
        }
        else {
          ids.push(team.id)
          sent.push(unitNote(team))
        }
      }
      next.unitIds = ids
      break
    }
    case 'report': {
      const reported = report(c, input.department, input.stage, at)
      if (!reported.ok) return reported
      next.summons = reported.summons
      sent.push(`${departmentName(input.department!)}${input.stage === 'accept' ? '接单' : '到场'}`)
      break
    }
    case 'accept':
      // The first acceptance is the response the KPIs judge, against the deadline then in force.
      if (!c.acceptedAt) {
        next.acceptedAt = at
        next.acceptedOnTime = Date.parse(at) <= Date.parse(c.deadlines.acceptBy)
      }
      break
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

  // A finished case lets its units go (the unit engine clears them).
  if (FINISHED_STATUSES.includes(to)) next.unitIds = []

  const escalationNote = input.action === 'escalate' ? `${CASE_TIER_LABELS[c.tier].zh} → ${CASE_TIER_LABELS[next.tier].zh}` : undefined
  const visitNote = input.action === 'return_visit' && input.result ? `回访：${RETURN_VISIT_LABELS[input.result].zh}` : undefined
  const auditNote = [escalationNote, visitNote, ...sent, note].filter(Boolean).join('；')
  const audit: CaseAuditEntry = {
    caseId: c.id, action: input.action, from: c.status, to, actor, at, ...(auditNote ? { note: auditNote } : {}),
  }
  return { ok: true, case: next, audit }
}
