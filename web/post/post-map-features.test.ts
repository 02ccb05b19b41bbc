import { describe, expect, it } from 'vitest'
import { makeCase, makeUnit } from '../testing/case-fixture.ts'
import type { MultiPolygon, Polygon, Feature } from 'geojson'
import type { NodeProps } from '../../domain/geo.ts'
import { caseFeatures, GRID_RISK_OPACITY, gridRiskOpacity, streetGridFeatures, unitFeatures } from './post-map-features.ts'

const NOW = Date.parse('2026-11-29T10:00:00Z')

describe('post map features', () => {
  it('draws cases by severity, marking the selected and the overdue', () => {
    const fc = caseFeatures([
      makeCase('a', { severity: 'extreme', location: { lng: 104.11, lat: 30.67 } }),
      makeCase('b', { deadlines: { acceptBy: '2026-11-29T09:00:00Z', arriveBy: '2026-11-29T11:00:00Z', resolveBy: '2026-11-29T12:00:00Z' } }),
    ], 'a', NOW)
    expect(fc.features.map((f) => [f.geometry.coordinates, f.properties])).toEqual([
      [[104.11, 30.67], { id: 'a', color: '#ff3b47', rank: 3, selected: true, late: false }],
      [[104.1, 30.66], { id: 'b', color: '#3ab8ff', rank: 0, selected: false, late: true }],
    ])
  })

  it('draws units by status', () => {
    const fc = unitFeatures([makeUnit('u', { status: 'en_route', caseId: 'a' }), makeUnit('v')])
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 'u', color: '#ffb020', busy: true },
      { id: 'v', color: '#2bf08f', busy: false },
    ])
  })

  it("keeps the street's own grids for the risk fills", () => {
    const grid = (id: string): Feature<Polygon | MultiPolygon, NodeProps> => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[[104, 30], [104.1, 30], [104.1, 30.1], [104, 30]]] },
      properties: { id, name: id, level: 'grid', parentId: id.slice(0, 12) },
    })
    const tier = { type: 'FeatureCollection' as const, features: [grid('510108001001001'), grid('510108002001001'), grid('510108001002003')] }
    expect(streetGridFeatures(tier, '510108001').features.map((f) => f.properties.id)).toEqual(['510108001001001', '510108001002003'])
    expect(streetGridFeatures(undefined, '510108001').features).toEqual([])
    expect(streetGridFeatures(tier, null).features).toEqual([])
  })

  it('fills grids more strongly the higher their level, and not at all before they are scored', () => {
    const levels = Object.values(GRID_RISK_OPACITY)
    expect(levels).toEqual([...levels].sort((a, b) => a - b))
    expect(levels.every((o) => o < 0.5)).toBe(true)
    const expr = gridRiskOpacity() as unknown[]
    expect(expr[0]).toBe('match')
    expect(expr.slice(2, 4)).toEqual(['green', GRID_RISK_OPACITY.green])
    expect(expr.at(-1)).toBe(0)
  })
})
