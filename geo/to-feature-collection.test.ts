import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { LevelInfo, NodeProps } from '../domain/geo.ts'
import { generateDistrict } from './generate-district.ts'
import type { Level } from '../domain/geo.ts'
import { availableLevels, levelCollection } from './to-feature-collection.ts'

const h = generateDistrict({ seed: 'gridwatch' })

describe('levelCollection', () => {
  it.each([
    ['district', 1],
    ['street', 11],
  ] as const)('serves the %s level as an RFC 7946 FeatureCollection of %i', (level, count) => {
    const fc = levelCollection(h, level)
    expect(fc.type).toBe('FeatureCollection')
    expect(Object.keys(fc).sort()).toEqual(['features', 'type'])
    expect(fc.features).toHaveLength(count)
    for (const f of fc.features) {
      expect(f.type).toBe('Feature')
      expect(f.id).toBe(f.properties.id)
      expect(Object.keys(f.properties).sort()).toEqual(['id', 'level', 'name', 'parentId'])
      expect(Value.Check(NodeProps, f.properties)).toBe(true)
      expect(f.properties.level).toBe(level)
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type)
    }
  })

  it('carries the hierarchy ids and parents', () => {
    expect(levelCollection(h, 'district').features[0]!.properties).toEqual({
      id: '510108',
      name: '成华区',
      level: 'district',
      parentId: null,
    })
    const streets = levelCollection(h, 'street').features
    expect(streets.map((f) => f.id)).toEqual(h.streets.map((s) => s.properties.id))
    expect(new Set(streets.map((f) => f.properties.parentId))).toEqual(new Set(['510108']))
  })

  it('returns new feature objects, leaving the hierarchy alone', () => {
    const f = levelCollection(h, 'street').features[0]!
    f.properties.name = 'changed'
    expect(h.streets[0]!.properties.name).toBe('猛追湾街道')
  })

  it('refuses levels that do not exist or are not generated yet', () => {
    expect(() => levelCollection(h, 'community' as Level)).toThrow('level "community" is not available yet')
    expect(() => levelCollection(h, 'block' as Level)).toThrow(
      'level must be one of district, street, community, grid, microgrid',
    )
  })
})

describe('availableLevels', () => {
  it('lists every level in tier order with its count', () => {
    const levels = availableLevels(h)
    expect(levels).toEqual([
      { level: 'district', count: 1, available: true },
      { level: 'street', count: 11, available: true },
      { level: 'community', count: 0, available: false },
      { level: 'grid', count: 0, available: false },
      { level: 'microgrid', count: 0, available: false },
    ])
    for (const info of levels) expect(Value.Check(LevelInfo, info)).toBe(true)
  })

  it('rejects something that is not a hierarchy', () => {
    expect(() => availableLevels(null as never)).toThrow('hierarchy must have a district Polygon feature and at least one street')
  })
})
