import { describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import { caseBoard } from './case-board.ts'

const NOW = new Date('2026-11-29T10:00:00Z')
const at = (min: number) => new Date(NOW.getTime() + min * 60_000).toISOString()
const c = (id: string, over: Partial<Case>): Case => ({
  id, status: 'new', tier: 'microgrid', path: { district: '510108', street: '510108001', community: null, grid: null, microgrid: null },
  location: { lng: 104.1, lat: 30.66 }, category: 'noise', source: 'hotline', severity: 'minor', title: '噪声扰民', eventIds: ['e'], eventCount: 1,
  department: null, openedAt: at(-30), updatedAt: at(-30), escalations: 0,
  deadlines: { acceptBy: at(10), arriveBy: at(30), resolveBy: at(120) }, ...over,
})

describe('caseBoard', () => {
  it('counts by tier, overdue against the deadline the status works towards, and ranks the most urgent first', () => {
    const board = caseBoard([
      c('a', {}), // accept in 10 min
      c('b', { status: 'accepted', tier: 'community', deadlines: { acceptBy: at(-50), arriveBy: at(-5), resolveBy: at(60) } }), // arrive 5 min late
      c('d', { status: 'on_scene', tier: 'street', escalations: 1, deadlines: { acceptBy: at(-90), arriveBy: at(-60), resolveBy: at(-20) } }), // resolve 20 min late
      c('e', { status: 'escalated', tier: 'street', escalations: 2, deadlines: { acceptBy: at(3), arriveBy: at(20), resolveBy: at(90) } }),
    ], NOW, 3)
    expect(board).toMatchObject({ open: 4, byTier: { microgrid: 1, community: 1, street: 2 }, overdue: 2, escalated: 2 })
    expect(board.urgent.map((u) => [u.case.id, u.dueKind])).toEqual([['d', 'resolve'], ['b', 'arrive'], ['e', 'accept']])
  })
})
