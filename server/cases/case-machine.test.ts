import { describe, expect, it } from 'vitest'
import type { Case, CaseAction } from '../../domain/cases.ts'
import { applyAction, type MachineContext } from './case-machine.ts'

const AT = '2026-05-22T10:30:00.000Z'
const base: Case = {
  id: 'C-0000001', status: 'new', tier: 'microgrid',
  path: { district: 'D', street: 'S', community: 'C', grid: 'G', microgrid: 'M' },
  location: { lng: 104.1, lat: 30.66 }, category: 'noise', source: 'hotline', severity: 'minor', title: '噪声扰民',
  eventIds: ['E1'], department: 'environment', openedAt: '2026-05-22T10:00:00.000Z', updatedAt: '2026-05-22T10:00:00.000Z',
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
    expect(r.audit).toMatchObject({ action: 'escalate', from: 'new', to: 'escalated', note: 'microgrid → community; 需社区协调' })
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
