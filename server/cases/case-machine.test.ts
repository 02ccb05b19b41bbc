import { describe, expect, it } from 'vitest'
import type { Case, CaseAction } from '../../domain/cases.ts'
import type { Unit } from '../../domain/units.ts'
import { applyAction, type MachineContext, type UnitDirectory } from './case-machine.ts'

const AT = '2026-05-22T10:30:00.000Z'
const base: Case = {
  id: 'C-0000001', status: 'new', tier: 'microgrid',
  path: { district: 'D', street: 'S', community: 'C', grid: 'G', microgrid: 'M' },
  location: { lng: 104.1, lat: 30.66 }, category: 'noise', source: 'hotline', severity: 'minor', title: '噪声扰民',
  eventIds: ['E1'], eventCount: 1, department: 'environment', openedAt: '2026-05-22T10:00:00.000Z', updatedAt: '2026-05-22T10:00:00.000Z',
  deadlines: { acceptBy: '2026-05-22T11:00:00.000Z', arriveBy: '2026-05-22T12:00:00.000Z', resolveBy: '2026-05-23T10:00:00.000Z' },
  escalations: 0,
}
const hotline: MachineContext = { hotline: true }

function run(c: Case, steps: CaseAction[], ctx = hotline): Case {
  let cur = c
  for (const step of steps) {
    const r = applyAction(cur, step, 'district', AT, ctx)
    if (!r.ok) throw new Error(r.reason)
    cur = r.case
  }
  return cur
}

describe('case state machine', () => {
  it('records the first acceptance and whether it met the accept deadline then in force', () => {
    const onTime = run(base, [{ action: 'assign' }, { action: 'accept' }])
    expect(onTime).toMatchObject({ acceptedAt: AT, acceptedOnTime: true })
    const late = { ...base, deadlines: { ...base.deadlines, acceptBy: '2026-05-22T10:15:00.000Z' } }
    expect(run(late, [{ action: 'assign' }, { action: 'accept' }])).toMatchObject({ acceptedAt: AT, acceptedOnTime: false })
  })

  it('walks new → assigned → accepted → on_scene → resolved → closed, auditing each move', () => {
    let c = base
    const audits = []
    for (const [action, to] of [['assign', 'assigned'], ['accept', 'accepted'], ['arrive', 'on_scene'], ['resolve', 'resolved']] as const) {
      const r = applyAction(c, { action, ...(action === 'resolve' ? { note: '已协调施工方停工' } : {}) }, 'street-1', AT, hotline)
      expect(r.ok).toBe(true)
      if (!r.ok) return
      expect(r.audit).toMatchObject({ caseId: c.id, action, from: c.status, to, actor: 'street-1', at: AT })
      audits.push(r.audit)
      c = r.case
    }
    expect(c.resolution).toEqual({ note: '已协调施工方停工', at: AT, by: 'street-1' })
    c = run(c, [{ action: 'return_visit', result: 'satisfied' }, { action: 'close' }])
    expect(c).toMatchObject({ status: 'closed', returnVisit: 'satisfied', updatedAt: AT })
  })

  it('refuses a move the status does not allow with 409 and the reason', () => {
    const r = applyAction(base, { action: 'close' }, 'district', AT, hotline)
    expect(r).toEqual({ ok: false, status: 409, reason: expect.stringMatching(/is new .*close is allowed only from resolved/) })
    const done = run(base, [{ action: 'assign' }, { action: 'accept' }, { action: 'resolve', note: '电话沟通解决' }])
    expect(applyAction(done, { action: 'accept' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 409 })
    expect(applyAction(done, { action: 'cancel', note: 'x' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 409 })
  })

  it('needs a note to resolve or cancel (400), and a return visit before closing a hotline case (409)', () => {
    const accepted = run(base, [{ action: 'assign' }, { action: 'accept' }])
    expect(applyAction(accepted, { action: 'resolve' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 400 })
    expect(applyAction(accepted, { action: 'resolve', note: '   ' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 400 })
    expect(applyAction(base, { action: 'cancel' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 400 })
    const resolved = run(accepted, [{ action: 'resolve', note: '已处理' }])
    expect(applyAction(resolved, { action: 'close' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 409, reason: expect.stringMatching(/回访/) })
    expect(applyAction(resolved, { action: 'close' }, 'district', AT, { hotline: false })).toMatchObject({ ok: true })
    expect(applyAction(resolved, { action: 'return_visit' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 400 })
    expect(applyAction(resolved, { action: 'return_visit', result: 'satisfied' }, 'district', AT, { hotline: false })).toMatchObject({ ok: false, status: 409 })
    const visited = run(resolved, [{ action: 'return_visit', result: 'dissatisfied' }])
    expect(applyAction(visited, { action: 'return_visit', result: 'satisfied' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 409 })
  })

  it('escalates one tier at a time, restarting the accept and arrive clocks, up to the street', () => {
    const sla = { acceptMin: 10, arriveMin: 30, resolveMin: 600 }
    const r = applyAction(base, { action: 'escalate', note: '需社区协调' }, 'district', AT, { hotline: true, sla })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.case).toMatchObject({ status: 'escalated', tier: 'community', escalations: 1 })
    expect(r.case.deadlines).toEqual({ acceptBy: '2026-05-22T10:40:00.000Z', arriveBy: '2026-05-22T11:00:00.000Z', resolveBy: base.deadlines.resolveBy })
    expect(r.audit).toMatchObject({ action: 'escalate', from: 'new', to: 'escalated', note: '微网格 → 社区；需社区协调' })
    const street = run(r.case, [{ action: 'escalate' }])
    expect(street).toMatchObject({ tier: 'street', escalations: 2 })
    expect(applyAction(street, { action: 'escalate' }, 'district', AT, hotline)).toMatchObject({ ok: false, status: 409 })
    // An escalated case is assigned again at its new tier.
    expect(run(street, [{ action: 'assign' }]).status).toBe('assigned')
  })
})

describe('escalation deadlines', () => {
  it('gives a missed resolve deadline a fresh one at the new tier, keeps one still ahead', () => {
    const sla = { acceptMin: 10, arriveMin: 30, resolveMin: 600 }
    const late = { ...base, status: 'on_scene' as const, deadlines: { ...base.deadlines, resolveBy: '2026-05-22T10:00:00.000Z' } }
    const r = applyAction(late, { action: 'escalate' }, 'system', AT, { hotline: true, sla })
    expect(r.ok && r.case.deadlines.resolveBy).toBe('2026-05-22T20:30:00.000Z')
  })
})

describe('dispatch, whistle and report', () => {
  const unit = (id: string, over: Partial<Unit> = {}): Unit => ({
    id, kind: 'grid_worker', name: `网格员 ${id}`, department: null, home: { street: 'S', community: 'C', grid: 'G' },
    status: 'available', location: { lng: 104.1, lat: 30.66 }, caseId: null, statusSince: AT, updatedAt: AT, ...over,
  })
  const roster = new Map([
    ['U1', unit('U1')],
    ['U2', unit('U2', { status: 'cleared' })],
    ['BUSY', unit('BUSY', { status: 'en_route', caseId: 'C-0000009' })],
    ['DT-police', unit('DT-police', { kind: 'department_team', department: 'police' })],
    ['DT-fire', unit('DT-fire', { kind: 'department_team', department: 'fire', status: 'on_scene', caseId: 'C-0000008' })],
  ])
  const units: UnitDirectory = { get: (id) => roster.get(id), teamOf: (d) => roster.get(`DT-${d}`) }
  const ctx: MachineContext = { hotline: false, units }
  const street: Case = { ...base, tier: 'street' }

  it('dispatches an available or cleared unit: new → assigned, and a second unit joins without moving the status', () => {
    const r = applyAction(base, { action: 'dispatch', unitId: 'U1' }, 'district', AT, ctx)
    expect(r).toMatchObject({ ok: true, case: { status: 'assigned', unitIds: ['U1'] }, audit: { action: 'dispatch', from: 'new', to: 'assigned', note: '网格员 U1（U1）' } })
    const accepted = run(r.ok ? r.case : base, [{ action: 'accept' }], ctx)
    const second = applyAction(accepted, { action: 'dispatch', unitId: 'U2' }, 'district', AT, ctx)
    expect(second).toMatchObject({ ok: true, case: { status: 'accepted', unitIds: ['U1', 'U2'] } })
    // assign may name the unit it sends.
    expect(applyAction(base, { action: 'assign', unitId: 'U1' }, 'district', AT, ctx)).toMatchObject({ ok: true, case: { status: 'assigned', unitIds: ['U1'] } })
  })

  it('refuses a dispatch without a unit or of an unknown one (400), and of a busy one (409, naming its case)', () => {
    expect(applyAction(base, { action: 'dispatch' }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 400 })
    expect(applyAction(base, { action: 'dispatch', unitId: 'NOPE' }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 400, reason: 'no unit NOPE' })
    expect(applyAction(base, { action: 'dispatch', unitId: 'BUSY' }, 'district', AT, ctx)).toEqual({
      ok: false, status: 409, reason: expect.stringMatching(/en_route .*on case C-0000009; a unit cannot be on two cases at once/),
    })
    const done = run(base, [{ action: 'assign' }, { action: 'accept' }, { action: 'resolve', note: '已处理' }], ctx)
    expect(applyAction(done, { action: 'dispatch', unitId: 'U1' }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 409 })
  })

  it('lets go of every unit when the case is resolved or cancelled; reads a case stored without unitIds as none', () => {
    const { unitIds: _, ...old } = base
    expect(run(old, [{ action: 'assign' }], ctx).unitIds).toEqual([])
    const onIt = { ...base, status: 'on_scene' as const, unitIds: ['U1', 'U2'] }
    expect(run(onIt, [{ action: 'resolve', note: '已处理' }], ctx).unitIds).toEqual([])
    expect(run(onIt, [{ action: 'cancel', note: '误报' }], ctx).unitIds).toEqual([])
    expect(run(onIt, [{ action: 'escalate' }], ctx).unitIds).toEqual(['U1', 'U2'])
  })

  it('whistles only on street-tier cases, summoning known departments due in 30 minutes and sending their free teams', () => {
    expect(applyAction(base, { action: 'whistle', departments: ['police'] }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 409, reason: expect.stringMatching(/street-tier/) })
    expect(applyAction(street, { action: 'whistle', departments: ['police', 'navy'] }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 400, reason: expect.stringMatching(/"navy"/) })
    expect(applyAction(street, { action: 'whistle' }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 400 })
    const r = applyAction(street, { action: 'whistle', departments: ['police', 'fire'] }, 'street-S', AT, ctx)
    expect(r).toMatchObject({ ok: true, audit: { action: 'whistle', from: 'new', to: 'new' } })
    if (!r.ok) return
    expect(r.case.summons).toEqual([
      { department: 'police', at: AT, dueBy: '2026-05-22T11:00:00.000Z', late: false },
      { department: 'fire', at: AT, dueBy: '2026-05-22T11:00:00.000Z', late: false },
    ])
    // The free police team goes; the fire team is busy elsewhere and is only noted.
    expect(r.case.unitIds).toEqual(['DT-police'])
    expect(r.audit.note).toMatch(/（DT-fire）正在处置 C-0000008/)
    expect(applyAction(r.case, { action: 'whistle', departments: ['police'] }, 'street-S', AT, ctx)).toMatchObject({ ok: false, status: 409, reason: expect.stringMatching(/police .*not yet arrived/) })
  })

  it('records a summoned department’s report, late when it arrives after the deadline', () => {
    const whistled = run(street, [{ action: 'whistle', departments: ['police', 'fire'] }], ctx)
    expect(applyAction(whistled, { action: 'report', department: 'water', stage: 'accept' }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 409, reason: expect.stringMatching(/not summoned/) })
    expect(applyAction(whistled, { action: 'report', department: 'police' }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 400 })
    const accepted = run(whistled, [{ action: 'report', department: 'police', stage: 'accept' }], ctx)
    expect(accepted.summons![0]).toMatchObject({ acceptedAt: AT, late: false })
    expect(applyAction(accepted, { action: 'report', department: 'police', stage: 'accept' }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 409 })
    const onTime = run(accepted, [{ action: 'report', department: 'police', stage: 'arrive' }], ctx)
    expect(onTime.summons![0]).toMatchObject({ arrivedAt: AT, late: false })
    const lateAt = '2026-05-22T11:05:00.000Z'
    const late = applyAction(onTime, { action: 'report', department: 'fire', stage: 'arrive' }, 'district', lateAt, ctx)
    expect(late.ok && late.case.summons![1]).toEqual({ department: 'fire', at: AT, dueBy: '2026-05-22T11:00:00.000Z', acceptedAt: lateAt, arrivedAt: lateAt, late: true })
    expect(applyAction(onTime, { action: 'report', department: 'police', stage: 'arrive' }, 'district', AT, ctx)).toMatchObject({ ok: false, status: 409, reason: expect.stringMatching(/already reported arrival/) })
  })
})
