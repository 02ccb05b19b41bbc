import { bbox, booleanPointInPolygon, pointOnFeature } from '@turf/turf'
import type { Feature, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import type { NodeProps } from '../domain/geo.ts'
import type { DistrictHierarchy } from './district-hierarchy.ts'
import { generateDistrict } from './generate-district.ts'
import { createLocator } from './locate-point.ts'
import { createRandom } from './seeded-random.ts'

const h = generateDistrict({ seed: 'gridwatch' })
const locator = createLocator(h)
const OUTSIDE = { path: { district: null, street: null, community: null, grid: null, microgrid: null }, outside: true }

/** Every street containing the point by turf's own test (boundary included): the brute-force answer. */
const bruteForce = (lng: number, lat: number): string[] =>
  h.streets.filter((s) => booleanPointInPolygon([lng, lat], s)).map((s) => s.properties.id)

function expectAgreement(lng: number, lat: number): 'inside' | 'outside' {
  const expected = bruteForce(lng, lat)
  const got = locator.locate(lng, lat)
  if (expected.length === 0) {
    expect(booleanPointInPolygon([lng, lat], h.district), `${lng},${lat} is in the district but in no street`).toBe(false)
    expect(got).toEqual(OUTSIDE)
    return 'outside'
  }
  expect(got.outside).toBe(false)
  expect(got.path.district).toBe('510108')
  expect(expected, `${lng},${lat}`).toContain(got.path.street)
  return 'inside'
}

describe('createLocator(h).locate', () => {
  it('agrees with a brute-force turf loop on 3,000 seeded points around the district', () => {
    const rng = createRandom('locate-uniform')
    const [minX, minY, maxX, maxY] = bbox(h.district)
    const padX = (maxX - minX) * 0.1
    const padY = (maxY - minY) * 0.1
    const tally = { inside: 0, outside: 0 }
    for (let i = 0; i < 3000; i++) {
      tally[expectAgreement(rng.range(minX - padX, maxX + padX), rng.range(minY - padY, maxY + padY))] += 1
    }
    // Both branches must really be exercised.
    expect(tally.inside).toBeGreaterThan(1000)
    expect(tally.outside).toBeGreaterThan(500)
  })

  it('agrees with brute force on 3,000 points within ~10 cm of street borders', () => {
    const rng = createRandom('locate-borders')
    const vertices: Position[] = h.streets.flatMap((s) =>
      (s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates).flat(2),
    )
    for (let i = 0; i < 3000; i++) {
      const [x, y] = rng.pick(vertices) as [number, number]
      expectAgreement(x + rng.range(-1e-6, 1e-6), y + rng.range(-1e-6, 1e-6))
    }
  })

  it('gives exactly one of the two streets for a point on their shared border', () => {
    // Each street's vertices that another street shares are on a border between them.
    const owners = new Map<string, Set<string>>()
    for (const s of h.streets) {
      const rings = s.geometry.type === 'Polygon' ? s.geometry.coordinates : s.geometry.coordinates.flat()
      for (const [x, y] of rings.flat()) {
        const key = `${x},${y}`
        owners.set(key, (owners.get(key) ?? new Set()).add(s.properties.id))
      }
    }
    let shared = 0
    for (const [key, ids] of owners) {
      if (ids.size < 2) continue
      const [x, y] = key.split(',').map(Number) as [number, number]
      if (!booleanPointInPolygon([x, y], h.district, { ignoreBoundary: true })) continue
      shared += 1
      const got = locator.locate(x, y)
      expect(got.outside).toBe(false)
      expect([...ids]).toContain(got.path.street)
    }
    expect(shared).toBeGreaterThan(5)
  })

  it('finds each street from a point inside it', () => {
    for (const s of h.streets) {
      const [lng, lat] = pointOnFeature(s).geometry.coordinates as [number, number]
      expect(locator.locate(lng, lat)).toEqual({
        path: { district: '510108', street: s.properties.id, community: null, grid: null, microgrid: null },
        outside: false,
      })
    }
  })

  it('puts far points outside', () => {
    expect(locator.locate(0, 0)).toEqual(OUTSIDE)
    expect(locator.locate(116.4, 39.9)).toEqual(OUTSIDE)
    expect(locator.locate(-180, -90)).toEqual(OUTSIDE)
  })

  it('returns a fresh result each call, so callers may keep or change it', () => {
    const a = locator.locate(0, 0)
    a.path.street = 'changed'
    expect(locator.locate(0, 0)).toEqual(OUTSIDE)
  })

  it('rejects non-finite coordinates with a precise message', () => {
    for (const [lng, lat] of [
      [Number.NaN, 30.67],
      [104.1, Number.POSITIVE_INFINITY],
      ['104.1', 30.67],
      [undefined, undefined],
    ]) {
      expect(() => locator.locate(lng as number, lat as number)).toThrow('lng and lat must be finite numbers')
    }
  })

  it('rejects something that is not a hierarchy', () => {
    expect(() => createLocator({} as DistrictHierarchy)).toThrow(
      'hierarchy must have a district Polygon feature and at least one street',
    )
  })
})

describe('createLocator fallback', () => {
  // A hand-made hierarchy whose two streets leave a 1 cm seam inside the district, as an imported
  // boundary with numeric noise might.
  const square = (x0: number, x1: number): Polygon => ({
    type: 'Polygon',
    coordinates: [[[x0, 0], [x1, 0], [x1, 1], [x0, 1], [x0, 0]]],
  })
  const feature = (id: string, level: 'district' | 'street', geometry: Polygon): Feature<Polygon, NodeProps> => ({
    type: 'Feature',
    id,
    properties: { id, name: id, level, parentId: level === 'district' ? null : 'd' },
    geometry,
  })
  const seamed: DistrictHierarchy = {
    seed: 'hand-made',
    district: feature('d', 'district', square(0, 2)),
    streets: [feature('left', 'street', square(0, 1)), feature('right', 'street', square(1.0000001, 2))],
  }
  const seamLocator = createLocator(seamed)

  it('gives a point in the seam the nearest street instead of none', () => {
    expect(seamLocator.locate(1.00000002, 0.5).path.street).toBe('left')
    expect(seamLocator.locate(1.00000008, 0.5).path.street).toBe('right')
    expect(seamLocator.locate(1.00000008, 0.5).outside).toBe(false)
  })

  it('falls back to the nearest street by bounding box when the gap is wider than a seam', () => {
    const gapped = createLocator({ ...seamed, streets: [seamed.streets[0]!, feature('right', 'street', square(1.001, 2))] })
    expect(gapped.locate(1.0009, 0.5).path.street).toBe('right')
    expect(gapped.locate(1.0002, 0.5).path.street).toBe('left')
  })

  it('still puts points outside the district outside', () => {
    expect(seamLocator.locate(2.5, 0.5).outside).toBe(true)
  })
})
