import { describe, expect, it } from 'vitest'
import { makeCase } from '../testing/case-fixture.ts'
import { queueRows, rankCases, summonsRows } from './queue-rows.ts'

const NOW = Date.parse('2026-11-29T10:00:00Z')
const dl = (acceptBy: string, arriveBy = '2026-11-29T11:00:00Z', resolveBy = '2026-11-29T12:00:00Z') => ({ acceptBy, arriveBy, resolveBy })

describe('queueRows', () => {
  it('puts the latest overdue case first, then the nearest deadline, by the deadline each status works towards', () => {
    const cases = [
      makeCase('soon', { deadlines: dl('2026-11-29T10:05:00Z') }),
      makeCase('late-a-bit', { deadlines: dl('2026-11-29T09:58:00Z') }),
      // Accepted: its accept deadline is long past but it now works towards arriving, in 20 min.
      makeCase('accepted', { status: 'accepted', deadlines: dl('2026-11-29T08:00:00Z', '2026-11-29T10:20:00Z') }),
      makeCase('very-late', { status: 'escalated', escalations: 1, deadlines: dl('2026-11-29T09:00:00Z') }),
    ]
    const rows = queueRows(cases, { now: NOW, locale: 'zh-CN' })
    expect(rows.map((r) => [r.id, r.dueKind, r.clock, r.late])).toEqual([
      ['very-late', 'accept', '1:00:00', true],
      ['late-a-bit', 'accept', '02:00', true],
      ['soon', 'accept', '05:00', false],
      ['accepted', 'arrive', '20:00', false],
    ])
    expect(rows[0]).toMatchObject({ tier: '微网格', status: '已上报', escalated: true, units: 0, alerting: false })
  })

  it('flags severe and extreme cases as alerting and counts attached units', () => {
    const rows = queueRows([makeCase('x', { severity: 'extreme', unitIds: ['u1', 'u2'] }), makeCase('y', { severity: 'moderate' })], { now: NOW, locale: 'en' })
    expect(rows.map((r) => [r.id, r.alerting, r.units, r.status])).toEqual([['x', true, 2, 'New'], ['y', false, 0, 'New']])
  })

  it('ranks ties by id so the queue does not shuffle', () => {
    const same = dl('2026-11-29T10:05:00Z')
    expect(rankCases([makeCase('b', { deadlines: same }), makeCase('a', { deadlines: same })]).map((c) => c.id)).toEqual(['a', 'b'])
  })
})

describe('summonsRows', () => {
  it('counts down to each department’s report and flags it late once the 30 minutes pass unarrived', () => {
    const rows = summonsRows({
      summons: [
        { department: 'fire', at: '2026-11-29T09:50:00Z', dueBy: '2026-11-29T10:20:00Z', late: false },
        { department: 'gas', at: '2026-11-29T09:20:00Z', dueBy: '2026-11-29T09:50:00Z', acceptedAt: '2026-11-29T09:25:00Z', late: false },
        { department: 'police', at: '2026-11-29T09:00:00Z', dueBy: '2026-11-29T09:30:00Z', arrivedAt: '2026-11-29T09:40:00Z', late: true },
        { department: 'nonsense', at: '2026-11-29T09:59:00Z', dueBy: '2026-11-29T10:29:00Z', late: false },
      ],
    }, NOW, 'zh-CN')
    expect(rows.map((r) => [r.label, r.clock, r.late, r.overdue])).toEqual([
      ['消防救援', '20:00', false, false],
      ['燃气', '10:00', true, true],
      ['公安', null, true, false],
      ['nonsense', '29:00', false, false],
    ])
  })
})
