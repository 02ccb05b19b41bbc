import { describe, expect, it } from 'vitest'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import type { NodeProps } from '../../domain/geo.ts'
import { makeDailyBriefing } from '../testing/briefing-fixture.ts'
import { hotspotRows } from './briefing-rows.ts'
import { hotspotFeatures, mapFocus, numberImageId, spreadOffsets } from './briefing-map.ts'

type Areas = FeatureCollection<Polygon | MultiPolygon, NodeProps>

function areas(level: NodeProps['level'], ids: string[]): Areas {
  return {
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[[104 + i, 30], [104.1 + i, 30], [104.1 + i, 30.1], [104 + i, 30]]] },
      properties: { id, name: id, level, parentId: level === 'district' ? null : '510108' },
    })),
  }
}

describe('hotspotFeatures', () => {
  it('puts each hotspot’s number at its location, with the image of that number', () => {
    const fc = hotspotFeatures(hotspotRows(makeDailyBriefing().hotspots, 'zh-CN'))
    expect(fc.features.map((f) => [f.properties.no, f.properties.image, f.geometry.coordinates])).toEqual([
      [1, 'briefing-hotspot-1', [104.085, 30.662]],
      [2, 'briefing-hotspot-2', [104.095, 30.69]],
      [3, 'briefing-hotspot-3', [104.12, 30.655]],
    ])
    expect(numberImageId(12)).toBe('briefing-hotspot-12')
    expect(fc.features.every((f) => f.properties.offset[0] === 0 && f.properties.offset[1] === 0)).toBe(true)
  })

  it('sets markers of one community round its label point, so none hides another', () => {
    const at = { lng: 104.085, lat: 30.662 }
    const fc = hotspotFeatures([{ no: 1, location: at }, { no: 2, location: { lng: 104.1, lat: 30.7 } }, { no: 3, location: at }])
    expect(fc.features.map((f) => f.properties.offset)).toEqual([[0, -11], [0, 0], [0, 11]])
  })
})

describe('spreadOffsets', () => {
  it('puts one on the point and several evenly round it, the first on top', () => {
    expect(spreadOffsets(1)).toEqual([[0, 0]])
    expect(spreadOffsets(0)).toEqual([[0, 0]])
    expect(spreadOffsets(4, 20)).toEqual([[0, -20], [20, 0], [0, 20], [-20, 0]])
  })

  it('widens the circle for many, so neighbours stay a marker apart', () => {
    const seven = spreadOffsets(7)
    const radius = Math.hypot(...seven[0]!)
    expect(radius).toBeGreaterThan(11)
    for (const [x, y] of seven) expect(Math.hypot(x, y)).toBeCloseTo(radius, 0)
    const [a, b] = seven
    expect(Math.hypot(a![0] - b![0], a![1] - b![1])).toBeGreaterThanOrEqual(20)
  })
})

describe('mapFocus', () => {
  const district = areas('district', ['510108'])
  const streets = areas('street', ['510108001', '510108002'])

  it('frames the district for a district briefing, the street for a street’s', () => {
    expect(mapFocus({ level: 'district', id: '510108', name: '成华区' }, district, streets)?.features.map((f) => f.properties.id)).toEqual(['510108'])
    expect(mapFocus({ level: 'street', id: '510108002', name: '双桥子街道' }, district, streets)?.features.map((f) => f.properties.id)).toEqual(['510108002'])
  })

  it('waits for the boundaries it needs', () => {
    expect(mapFocus({ level: 'district', id: '510108', name: '成华区' }, null, streets)).toBeNull()
    expect(mapFocus({ level: 'street', id: '510108009', name: '?' }, district, streets)).toBeNull()
  })
})
