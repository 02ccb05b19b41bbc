import { booleanPointInPolygon } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { generateDistrict } from './generate-district.ts'
import { randomPointInPolygon } from './random-point-in-polygon.ts'
import { createRandom } from './seeded-random.ts'

const feature = <G extends Polygon | MultiPolygon>(geometry: G): Feature<G> => ({ type: 'Feature', properties: {}, geometry })

describe('randomPointInPolygon', () => {
  const h = generateDistrict({ seed: 'gridwatch' })

  it('places every point inside the given street', () => {
    const rng = createRandom('events')
    for (const street of h.streets) {
      for (let i = 0; i < 100; i++) {
        const p = randomPointInPolygon(rng, street)
        expect(booleanPointInPolygon(p, street), street.properties.id).toBe(true)
      }
    }
  })

  it('is repeatable for the same seed', () => {
    const street = h.streets[3]!
    const a = createRandom('same')
    const b = createRandom('same')
    expect(randomPointInPolygon(a, street)).toEqual(randomPointInPolygon(b, street))
  })

  it('is uniform: halves of an L-shape get points in proportion to their area', () => {
    // An L of three unit squares: the bottom row holds two of them.
    const l = feature<Polygon>({
      type: 'Polygon',
      coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]],
    })
    const rng = createRandom('uniform-l')
    let bottom = 0
    const n = 6000
    for (let i = 0; i < n; i++) {
      const [, y] = randomPointInPolygon(rng, l)
      if (y < 1) bottom += 1
    }
    expect(bottom / n).toBeGreaterThan(0.64)
    expect(bottom / n).toBeLessThan(0.69)
  })

  it('never lands in a hole, and uses every part of a MultiPolygon', () => {
    const donut = feature<MultiPolygon>({
      type: 'MultiPolygon',
      coordinates: [
        [
          [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
          [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]],
        ],
        [[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]],
      ],
    })
    const rng = createRandom('donut')
    let island = 0
    for (let i = 0; i < 2000; i++) {
      const [x, y] = randomPointInPolygon(rng, donut)
      expect(x > 1 && x < 3 && y > 1 && y < 3).toBe(false)
      if (x >= 10) island += 1
    }
    expect(island).toBeGreaterThan(0)
  })

  it('rejects bad input with precise messages', () => {
    const rng = createRandom('guards')
    expect(() => randomPointInPolygon({} as never, h.streets[0]!)).toThrow('rng must be a generator from createRandom()')
    expect(() => randomPointInPolygon(rng, { type: 'Point', coordinates: [0, 0] } as never)).toThrow(
      'feature must be a GeoJSON Feature with a Polygon or MultiPolygon geometry',
    )
    expect(() =>
      randomPointInPolygon(rng, feature<Polygon>({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] })),
    ).toThrow('feature has no area to sample a point from')
  })
})
