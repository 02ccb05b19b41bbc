import { describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import { KpiProjection } from './kpi-projection.ts'
import { buildKpiReport, measuresOf, rankRows } from './kpi-report.ts'
import { periodBounds } from './kpi-periods.ts'
import { emptyTally } from './case-contribution.ts'

const NOW = Date.parse('2026-06-03T15:00:00+08:00')
const areas = {
  streets: [{ id: 'S1', name: '一街', parentId: 'D' }, { id: 'S2', name: '二街', parentId: 'D' }, { id: 'S3', name: '三街', parentId: 'D' }],
  communities: [
    { id: 'S1-a', name: '甲', parentId: 'S1' }, { id: 'S1-b', name: '乙', parentId: 'S1' }, { id: 'S2-a', name: '丙', parentId: 'S2' },
  ],
}

let n = 0
function aCase(street: string, community: string, openedAt: string, over: Partial<Case> = {}): Case {
  n += 1
  return {
    id: `C-${n}`, status: 'new', tier: 'microgrid', path: { district: 'D', street, community, grid: null, microgrid: null },
    location: { lng: 104, lat: 30 }, category: 'noise', source: 'hotline', severity: 'minor', title: 't', eventIds: [], eventCount: 0, department: null,
    openedAt, updatedAt: openedAt, deadlines: { acceptBy: openedAt, arriveBy: openedAt, resolveBy: openedAt }, escalations: 0, ...over,
  }
}

const row = (id: string, score: number | null, cases: number) => ({ ...measuresOf(emptyTally()), id, name: id, level: 'street' as const, parentId: 'D', score, cases })

describe('ranking', () => {
  it('puts the best score first, no score last, and breaks ties by more cases, then by id', () => {
    const ranked = rankRows([row('A', 0.5, 3), row('B', null, 0), row('C', 0.9, 1), row('D', 0.5, 7), row('E', 0.5, 7)])
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['C', 1], ['D', 2], ['E', 3], ['A', 4], ['B', 5]])
  })
})

describe('a report from the projection', () => {
  const projection = new KpiProjection(() => NOW)
  const report = (period: 'today' | 'week' | 'month', street?: string) => {
    const b = periodBounds(period, NOW)
    return buildKpiReport({ period, since: b.since, until: b.until, generatedAt: b.until, areas, tallies: projection.tallies(b.startDay, b.endDay), ...(street ? { street } : {}) })
  }
  const today = '2026-06-03T09:00:00+08:00'
  const resolved = (at: string) => ({ resolution: { note: 'ok', at, by: 'x' } })

  it('counts every measure by the day and area a case was opened in, and follows its changes', () => {
    const c1 = aCase('S1', 'S1-a', today, { acceptedOnTime: true, acceptedAt: today, ...resolved('2026-06-03T10:30:00+08:00'), returnVisit: 'basically_satisfied' })
    const c2 = aCase('S1', 'S1-b', today, { acceptedOnTime: false, escalations: 2, summons: [
      { department: 'fire', at: today, dueBy: today, late: true }, { department: 'police', at: today, dueBy: today, late: false }] })
    const old = aCase('S2', 'S2-a', '2026-06-01T08:00:00+08:00', { ...resolved('2026-06-01T09:00:00+08:00'), returnVisit: 'dissatisfied' })
    const lastMonth = aCase('S2', 'S2-a', '2026-05-31T23:00:00+08:00')
    for (const c of [c1, c2, old, lastMonth]) projection.apply(c)

    const r = report('today')
    expect(r.total).toMatchObject({ cases: 2, respondedOnTime: 1, responseSettled: 2, responseRate: 0.5, resolved: 1, resolutionRate: 0.5, returnVisits: 1, satisfied: 1, satisfactionRate: 1, avgHandlingMin: 90, escalations: 2, lateReports: 1 })
    expect(r.streets.map((s) => [s.id, s.rank, s.cases])).toEqual([['S1', 1, 2], ['S2', 2, 0], ['S3', 3, 0]])
    expect(r.streets.find((s) => s.id === 'S3')).toMatchObject({ name: '三街', responseRate: null, resolutionRate: null, satisfactionRate: null, avgHandlingMin: null, score: null })
    expect(r.communities.map((c) => [c.id, c.rank])).toEqual([['S1-a', 1], ['S1-b', 2], ['S2-a', 1]])
    expect(r.departments.find((d) => d.department === 'fire')).toEqual({ department: 'fire', summoned: 1, late: 1 })

    // The week (from Monday 1 June) and the month both hold the case of the 1st; last month's is in neither.
    expect(report('week').total.cases).toBe(3)
    expect(report('month').total.cases).toBe(3)
    expect(report('month').streets.find((s) => s.id === 'S2')).toMatchObject({ cases: 1, resolutionRate: 1, satisfactionRate: 0 })

    // A later action replaces the case's contribution; one that changes no measure reports no change.
    expect(projection.apply({ ...c2, status: 'resolved', ...resolved('2026-06-03T11:00:00+08:00') })).toBe(true)
    expect(projection.apply({ ...c2, status: 'closed', ...resolved('2026-06-03T11:00:00+08:00') })).toBe(false)
    expect(report('today').total).toMatchObject({ cases: 2, resolved: 2, resolutionRate: 1, avgHandlingMin: 105 })
  })

  it('gives a street user only their street, its communities and its departments', () => {
    const r = report('today', 'S2')
    expect(r.streets.map((s) => s.id)).toEqual(['S2'])
    expect(r.communities.map((c) => c.id)).toEqual(['S2-a'])
    expect(r.total.cases).toBe(0)
    expect(r.departments.every((d) => d.summoned === 0)).toBe(true)
  })
})
