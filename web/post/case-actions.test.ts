import { describe, expect, it } from 'vitest'
import { CASE_ACTIONS } from '../../domain/cases.ts'
import { makeCase } from '../testing/case-fixture.ts'
import { ACTION_ORDER, allowedActions, canReport, pendingSummons } from './case-actions.ts'

const summons = (department: string, over = {}) => ({
  department, at: '2026-11-29T09:00:00Z', dueBy: '2026-11-29T09:30:00Z', late: false, ...over,
})

describe('allowedActions', () => {
  it('has a button for every action but report, which the summons list offers per department', () => {
    expect([...ACTION_ORDER, 'report'].sort()).toEqual([...CASE_ACTIONS].sort())
  })

  it('offers the loop’s next step first and hides what the status does not allow', () => {
    expect(allowedActions(makeCase('a'), { hotline: false })).toEqual(['dispatch', 'assign', 'escalate', 'cancel'])
    expect(allowedActions(makeCase('a', { status: 'assigned' }), { hotline: false })).toEqual(['dispatch', 'accept', 'escalate', 'cancel'])
    expect(allowedActions(makeCase('a', { status: 'accepted' }), { hotline: false })).toEqual(['dispatch', 'arrive', 'resolve', 'escalate', 'cancel'])
    expect(allowedActions(makeCase('a', { status: 'cancelled' }), { hotline: true })).toEqual([])
  })

  it('asks for a return visit before closing a 12345 case, and offers neither twice', () => {
    const resolved = makeCase('a', { status: 'resolved' })
    expect(allowedActions(resolved, { hotline: true })).toEqual(['return_visit'])
    expect(allowedActions({ ...resolved, returnVisit: 'satisfied' }, { hotline: true })).toEqual(['close'])
    expect(allowedActions(resolved, { hotline: false })).toEqual(['close'])
    expect(allowedActions(makeCase('a', { status: 'closed' }), { hotline: true })).toEqual(['return_visit'])
  })

  it('whistles only at the street tier, where escalating is no longer possible', () => {
    const street = allowedActions(makeCase('a', { tier: 'street', status: 'escalated' }), { hotline: false })
    expect(street).toContain('whistle')
    expect(street).not.toContain('escalate')
    expect(allowedActions(makeCase('a', { tier: 'community' }), { hotline: false })).not.toContain('whistle')
  })
})

describe('reports (报到)', () => {
  it('lets a summoned department accept once and arrive once', () => {
    const c = makeCase('a', { status: 'assigned', tier: 'street', summons: [summons('fire'), summons('gas', { acceptedAt: 'x' }), summons('police', { arrivedAt: 'y' })] })
    const [fire, gas, police] = c.summons!
    expect([canReport(c, fire!, 'accept'), canReport(c, fire!, 'arrive')]).toEqual([true, true])
    expect([canReport(c, gas!, 'accept'), canReport(c, gas!, 'arrive')]).toEqual([false, true])
    expect([canReport(c, police!, 'accept'), canReport(c, police!, 'arrive')]).toEqual([false, false])
    expect(pendingSummons(c).map((s) => s.department)).toEqual(['fire', 'gas'])
    expect(canReport({ status: 'resolved' }, fire!, 'arrive')).toBe(false)
  })
})
