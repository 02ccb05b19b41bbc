import { describe, expect, it } from 'vitest'
import { kpiScore, type KpiMeasures, type KpiRow } from '../../domain/kpi.ts'
import { kpiRankRows, percent } from './kpi-rows.ts'

function row(id: string, rank: number, rates: Partial<Pick<KpiMeasures, 'responseRate' | 'resolutionRate' | 'satisfactionRate'>>, cases = 10): KpiRow {
  const m = { responseRate: null, resolutionRate: null, satisfactionRate: null, ...rates }
  return {
    id, name: `街道${id}`, level: 'street', parentId: '510108', rank, score: kpiScore(m), cases,
    respondedOnTime: 0, responseSettled: 0, resolved: 0, returnVisits: 0, satisfied: 0, avgHandlingMin: null, escalations: 0, lateReports: 0, ...m,
  }
}

describe('percent', () => {
  it('rounds to a whole percentage and shows a dash without a denominator', () => {
    expect(percent(0.956)).toBe('96%')
    expect(percent(0)).toBe('0%')
    expect(percent(1)).toBe('100%')
    expect(percent(null)).toBe('—')
  })
})

describe('kpiRankRows', () => {
  it('lists streets by rank with rates, score out of 100 and a bar share', () => {
    const rows = kpiRankRows({
      streets: [
        row('b', 2, { responseRate: 0.9, resolutionRate: 0.7, satisfactionRate: 0.8 }),
        row('a', 1, { responseRate: 1, resolutionRate: 0.95, satisfactionRate: 1 }),
      ],
    })
    expect(rows.map((r) => r.id)).toEqual(['a', 'b'])
    expect(rows[0]).toMatchObject({ rank: 1, name: '街道a', response: '100%', resolution: '95%', satisfaction: '100%', score: '98.3', scored: true })
    expect(rows[0]!.share).toBeCloseTo(0.9833, 3)
    expect(rows[1]!.low).toEqual({ response: false, resolution: true, satisfaction: false })
  })

  it('puts streets without a score last, with dashes, whatever rank they were given', () => {
    const rows = kpiRankRows({ streets: [row('z', 1, {}, 0), row('y', 2, { responseRate: 0.5 })] })
    expect(rows.map((r) => r.id)).toEqual(['y', 'z'])
    expect(rows[1]).toMatchObject({ score: '—', response: '—', share: 0, scored: false })
  })

  it('prefers the map’s name for a street when it has one', () => {
    expect(kpiRankRows({ streets: [row('a', 1, {})] }, (id) => (id === 'a' ? '猛追湾街道' : undefined))[0]!.name).toBe('猛追湾街道')
  })
})
