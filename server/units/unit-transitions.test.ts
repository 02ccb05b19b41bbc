import { describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import type { Unit } from '../../domain/units.ts'
import { offset } from '../cases/test-events.ts'
import type { UnitRecord } from './unit-repository.ts'
import { applyFix, movesForAction } from './unit-transitions.ts'

const AT = '2026-05-22T10:30:00.000Z'
const SCENE = { lng: 104.1, lat: 30.66 }
const rec = (id: string, over: Partial<Unit> = {}, dispatchedFrom: UnitRecord['dispatchedFrom'] = null): UnitRecord => ({
  unit: {
    id, kind: 'grid_worker', name: id, department: null, home: { street: 'S', community: null, grid: null }, status: 'available',
    location: offset(SCENE, 800, 0), caseId: null, statusSince: '2026-05-22T10:00:00.000Z', updatedAt: '2026-05-22T10:00:00.000Z', ...over,
  },
  dispatchedFrom, fixAt: null,
})
const c = (over: Partial<Case>): Case => ({
  id: 'C-1', status: 'assigned', tier: 'microgrid', path: { district: 'D', street: 'S', community: 'C', grid: 'G', microgrid: 'M' },
  location: SCENE, category: 'noise', source: 'hotline', severity: 'minor', title: 't', eventIds: ['E1'], eventCount: 1, department: null,
  openedAt: AT, updatedAt: AT, deadlines: { acceptBy: AT, arriveBy: AT, resolveBy: AT }, escalations: 0, unitIds: [], ...over,
})

describe('movesForAction', () => {
  const units = new Map([
    ['A', rec('A', { status: 'dispatched', caseId: 'C-1' }, offset(SCENE, 800, 0))],
    ['B', rec('B', { status: 'en_route', caseId: 'C-1' }, offset(SCENE, 800, 0))],
    ['N', rec('N')],
  ])
  const get = (id: string) => units.get(id)

  it('dispatches the unit a case gains, from where it stands', () => {
    const [n] = movesForAction(c({ unitIds: ['A'] }), c({ unitIds: ['A', 'N'] }), { action: 'dispatch', unitId: 'N' }, 'district', get, AT)
    expect(n).toMatchObject({ unit: { id: 'N', status: 'dispatched', caseId: 'C-1', statusSince: AT }, dispatchedFrom: units.get('N')!.unit.location })
  })

  it('sets off dispatched units on accept, and puts them on scene on arrive: all of them, or only the unit that arrived', () => {
    const prev = c({ unitIds: ['A', 'B'] })
    expect(movesForAction(prev, { ...prev, status: 'accepted' }, { action: 'accept' }, 'district', get, AT).map((r) => `${r.unit.id}:${r.unit.status}`)).toEqual(['A:en_route'])
    const on = { ...prev, status: 'on_scene' as const }
    expect(movesForAction(prev, on, { action: 'arrive' }, 'district', get, AT).map((r) => r.unit.id)).toEqual(['A', 'B'])
    expect(movesForAction(prev, on, { action: 'arrive' }, 'unit:B', get, AT).map((r) => `${r.unit.id}:${r.unit.status}`)).toEqual(['B:on_scene'])
  })

  it('clears the units a finished case lets go', () => {
    const moves = movesForAction(c({ unitIds: ['A', 'B'] }), c({ status: 'cancelled', unitIds: [] }), { action: 'cancel', note: 'x' }, 'district', get, AT)
    expect(moves.map((r) => [r.unit.id, r.unit.status, r.unit.caseId, r.dispatchedFrom])).toEqual([['A', 'cleared', null, null], ['B', 'cleared', null, null]])
  })
})

describe('applyFix', () => {
  const dispatched = rec('A', { status: 'dispatched', caseId: 'C-1' }, offset(SCENE, 800, 0))

  it('keeps a dispatched unit that has not moved 20 m, and sets off one that has', () => {
    expect(applyFix(dispatched, { unitId: 'A', location: offset(SCENE, 785, 0) }, c({}), AT)!.unit.status).toBe('dispatched')
    expect(applyFix(dispatched, { unitId: 'A', location: offset(SCENE, 770, 0) }, c({}), AT)!.unit).toMatchObject({ status: 'en_route', statusSince: AT })
  })

  it('arrives within 50 m of the case, not at 60 m', () => {
    const enRoute = rec('A', { status: 'en_route', caseId: 'C-1' }, offset(SCENE, 800, 0))
    expect(applyFix(enRoute, { unitId: 'A', location: offset(SCENE, 60, 0) }, c({}), AT)!.unit.status).toBe('en_route')
    expect(applyFix(enRoute, { unitId: 'A', location: offset(SCENE, 0, 45) }, c({}), AT)!.unit.status).toBe('on_scene')
  })

  it('only moves a unit without a job, and ignores a fix older than the latest', () => {
    const free = rec('N')
    expect(applyFix(free, { unitId: 'N', location: SCENE }, c({}), AT)!.unit).toMatchObject({ status: 'available', location: SCENE })
    const seen = { ...free, fixAt: '2026-05-22T10:29:00.000Z' }
    expect(applyFix(seen, { unitId: 'N', location: SCENE, at: '2026-05-22T10:28:00+00:00' }, undefined, AT)).toBeUndefined()
  })
})
