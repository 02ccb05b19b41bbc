import { describe, expect, it } from 'vitest'
import { distance } from '@turf/turf'
import type { Unit } from '../../domain/units.ts'
import { chooseUnit } from './choose-unit.ts'
import { NEGLECTED_SHARE, planCase } from './crew-plan.ts'
import { stepToward } from './step-toward.ts'

const unit = (id: string, over: Partial<Unit>): Unit => ({
  id, kind: 'grid_worker', name: id, department: null, home: { street: 'S1', community: 'C1', grid: 'G1' },
  status: 'available', location: { lng: 104.1, lat: 30.67 }, caseId: null, statusSince: '', updatedAt: '', ...over,
})
const gridCase = { tier: 'microgrid' as const, path: { district: 'D', street: 'S1', community: 'C1', grid: 'G1', microgrid: 'M1' }, location: { lng: 104.1, lat: 30.67 } }

describe('crew simulation', () => {
  it('plans the same way for the same case and seed, and neglects only a small share of cases', () => {
    expect(planCase({ id: 'C-0000001', severity: 'minor' }, 's')).toEqual(planCase({ id: 'C-0000001', severity: 'minor' }, 's'))
    const plans = Array.from({ length: 2000 }, (_, i) => planCase({ id: `C-${i}`, severity: 'minor' }, 's'))
    const neglected = plans.filter((p) => p.neglected).length / plans.length
    expect(neglected).toBeGreaterThan(NEGLECTED_SHARE / 2)
    expect(neglected).toBeLessThan(NEGLECTED_SHARE * 2)
    expect(planCase({ id: 'C-1', severity: 'extreme' }, 's').neglected).toBe(false)
  })

  it('sends the case grid’s own free worker before a nearer neighbour, and never a busy or other-street unit', () => {
    const units = [
      unit('own-busy', { status: 'en_route', caseId: 'C-9' }),
      unit('neighbour', { home: { street: 'S1', community: 'C1', grid: 'G2' }, location: { lng: 104.1001, lat: 30.67 } }),
      unit('own', { location: { lng: 104.12, lat: 30.67 } }),
      unit('other-street', { home: { street: 'S2', community: 'C9', grid: 'G1' } }),
    ]
    expect(chooseUnit(gridCase, units)?.id).toBe('own')
    expect(chooseUnit(gridCase, units.filter((u) => u.id !== 'own'))?.id).toBe('neighbour')
    expect(chooseUnit({ ...gridCase, tier: 'street' }, [unit('squad', { kind: 'emergency_squad', status: 'cleared' })])?.id).toBe('squad')
    expect(chooseUnit(gridCase, [units[0]!, units[3]!])).toBeUndefined()
  })

  it('steps a straight line at the given distance and stops on the target', () => {
    const from = { lng: 104.1, lat: 30.67 }
    const to = { lng: 104.11, lat: 30.67 }
    const next = stepToward(from, to, 200)
    expect(distance([from.lng, from.lat], [next.lng, next.lat], { units: 'meters' })).toBeCloseTo(200, 0)
    expect(next.lng).toBeGreaterThan(from.lng)
    expect(stepToward(next, to, 5000)).toEqual(to)
  })
})
