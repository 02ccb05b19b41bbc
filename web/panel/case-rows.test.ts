import { describe, expect, it } from 'vitest'
import type { CaseBoard } from '../../domain/case-board.ts'
import type { Case } from '../../domain/cases.ts'
import { caseRows } from './case-rows.ts'

const NOW = Date.parse('2026-11-29T10:00:00Z')
const kase = (id: string, over: Partial<Case>): Case => ({
  id, status: 'new', tier: 'microgrid', path: { district: '510108', street: '510108001', community: null, grid: null, microgrid: null },
  location: { lng: 104.1, lat: 30.66 }, category: 'noise', source: 'hotline', severity: 'minor', title: '噪声扰民', eventIds: ['e'], eventCount: 1,
  department: null, openedAt: '2026-11-29T09:00:00Z', updatedAt: '2026-11-29T09:00:00Z', escalations: 0,
  deadlines: { acceptBy: '2026-11-29T10:12:34Z', arriveBy: '2026-11-29T10:30:00Z', resolveBy: '2026-11-29T12:00:00Z' }, ...over,
})

describe('caseRows', () => {
  it('says how long is left, or how late, in words of the wall’s language', () => {
    const board: CaseBoard = {
      open: 2, byTier: { microgrid: 1, community: 0, street: 1 }, overdue: 1, escalated: 1, at: '2026-11-29T10:00:00Z',
      urgent: [
        { case: kase('b', { status: 'escalated', tier: 'street', escalations: 1 }), due: '2026-11-29T08:55:00Z', dueKind: 'accept' },
        { case: kase('a', {}), due: '2026-11-29T10:12:34Z', dueKind: 'accept' },
      ],
    }
    const rows = caseRows(board, { now: NOW, locale: 'zh-CN', streetName: () => '猛追湾街道' })
    expect(rows.map((r) => [r.id, r.tier, r.status, r.clock, r.late, r.escalated, r.street])).toEqual([
      ['b', '街道', '已上报', '1:05:00', true, true, '猛追湾街道'],
      ['a', '微网格', '待派遣', '12:34', false, false, '猛追湾街道'],
    ])
    expect(caseRows(board, { now: NOW, locale: 'en', streetName: () => undefined })[1]).toMatchObject({ tier: 'Micro-grid', status: 'New', street: '510108001' })
  })

  it('flags an escalated case 已上报 once: by its status while escalated, by the flag after it moves on', () => {
    const board: CaseBoard = {
      open: 2, byTier: { microgrid: 0, community: 2, street: 0 }, overdue: 0, escalated: 2, at: '2026-11-29T10:00:00Z',
      urgent: [
        { case: kase('up', { status: 'escalated', tier: 'community', escalations: 1 }), due: '2026-11-29T10:20:00Z', dueKind: 'accept' },
        { case: kase('on', { status: 'assigned', tier: 'community', escalations: 1 }), due: '2026-11-29T10:20:00Z', dueKind: 'accept' },
      ],
    }
    const rows = caseRows(board, { now: NOW, locale: 'zh-CN', streetName: () => undefined })
    expect(rows.map((r) => [r.status, r.escalated, r.escalatedFlag])).toEqual([['已上报', true, false], ['已派遣', true, true]])
  })
})
