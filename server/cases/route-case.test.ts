import { describe, expect, it } from 'vitest'
import { DEFAULT_SLA, deadlinesFrom, maxSeverity, routeDepartment, routeTier, slaFor, tierAbove } from './route-case.ts'

describe('routing', () => {
  it('starts most cases in the micro-grid, severe ones and fire alarms in the community, extreme and many-event ones at the street', () => {
    expect(routeTier({ source: 'hotline', category: 'noise', severity: 'minor', eventCount: 1 })).toBe('microgrid')
    expect(routeTier({ source: 'incident', category: 'dispute', severity: 'moderate', eventCount: 2 })).toBe('microgrid')
    expect(routeTier({ source: 'hotline', category: 'gas_supply', severity: 'severe', eventCount: 1 })).toBe('community')
    expect(routeTier({ source: 'sensor', category: 'smoke', severity: 'minor', eventCount: 1 })).toBe('community')
    expect(routeTier({ source: 'hotline', category: 'noise', severity: 'extreme', eventCount: 1 })).toBe('street')
    expect(routeTier({ source: 'sensor', category: 'smoke', severity: 'severe', eventCount: 6 })).toBe('street')
  })

  it('climbs one tier at a time and stops at the street', () => {
    expect(tierAbove('microgrid')).toBe('community')
    expect(tierAbove('community')).toBe('street')
    expect(tierAbove('street')).toBeUndefined()
  })

  it('chooses the department by category', () => {
    expect(routeDepartment('sensor', 'smoke')).toBe('fire')
    expect(routeDepartment('hotline', 'gas_supply')).toBe('gas')
    expect(routeDepartment('hotline', 'street_vending')).toBe('urban_management')
    expect(routeDepartment('hotline', 'food_safety')).toBe('market_supervision')
    expect(routeDepartment('detection', 'dog_unleashed')).toBe('police')
    expect(routeDepartment('hotline', 'wage_arrears')).toBeNull()
  })

  it('takes SLAs from the category, the hotline service or the severity', () => {
    expect(slaFor('sensor', 'smoke', 'severe')).toEqual({ acceptMin: 3, arriveMin: 15, resolveMin: 120 })
    // elevator_fault: respond within 1 h, resolve within 24 h (hotline-services.ts).
    expect(slaFor('hotline', 'elevator_fault', 'moderate')).toEqual({ acceptMin: 30, arriveMin: 60, resolveMin: 24 * 60 })
    expect(slaFor('incident', 'dispute', 'minor')).toEqual(DEFAULT_SLA.bySeverity.minor)
    const table = { ...DEFAULT_SLA, byCategory: { 'incident:dispute': { extreme: { acceptMin: 1, arriveMin: 2, resolveMin: 3 } } } }
    expect(slaFor('incident', 'dispute', 'extreme', table)).toEqual({ acceptMin: 1, arriveMin: 2, resolveMin: 3 })
    expect(slaFor('incident', 'dispute', 'minor', table)).toEqual(DEFAULT_SLA.bySeverity.minor)
  })

  it('turns an SLA into deadlines from the opening time', () => {
    expect(deadlinesFrom('2026-05-22T10:00:00.000Z', { acceptMin: 3, arriveMin: 15, resolveMin: 120 })).toEqual({
      acceptBy: '2026-05-22T10:03:00.000Z', arriveBy: '2026-05-22T10:15:00.000Z', resolveBy: '2026-05-22T12:00:00.000Z',
    })
    expect(maxSeverity('minor', 'severe')).toBe('severe')
    expect(maxSeverity('extreme', 'moderate')).toBe('extreme')
  })
})
