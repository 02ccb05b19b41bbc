import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { pointInPolygon } from './point-in-polygon.ts'
import { createRandom } from './seeded-random.ts'

describe('pointInPolygon', () => {
  const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }

  it('tells inside from outside', () => {
    expect(pointInPolygon(0.5, 0.5, square)).toBe(true)
    expect(pointInPolygon(1.5, 0.5, square)).toBe(false)
    expect(pointInPolygon(0.5, -0.1, square)).toBe(false)
  })

  it('respects holes and MultiPolygon parts', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [square.coordinates[0]!, [[0.25, 0.25], [0.25, 0.75], [0.75, 0.75], [0.75, 0.25], [0.25, 0.25]]],
    }
    expect(pointInPolygon(0.5, 0.5, holed)).toBe(false)
    expect(pointInPolygon(0.1, 0.5, holed)).toBe(true)
    const multi = { type: 'MultiPolygon' as const, coordinates: [holed.coordinates, [[[5, 5], [6, 5], [6, 6], [5, 5]]]] }
    expect(pointInPolygon(5.9, 5.5, multi)).toBe(true)
    expect(pointInPolygon(0.5, 0.5, multi)).toBe(false)
  })

  it('accepts a ring that is not closed', () => {
    expect(pointInPolygon(0.5, 0.5, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })).toBe(true)
  })

  it('gives a point on a shared slanted edge to exactly one of the two polygons', () => {
    // Two triangles sharing the edge (0.1, 0.3)–(0.9, 0.77), each walking it in its own direction.
    const a: [number, number] = [0.1, 0.3]
    const b: [number, number] = [0.9, 0.77]
    const left: Polygon = { type: 'Polygon', coordinates: [[a, b, [0, 1], a]] }
    const right: Polygon = { type: 'Polygon', coordinates: [[a, [1, 0], b, a]] }
    const rng = createRandom('shared-edge')
    for (let i = 0; i < 5000; i++) {
      const t = rng.next()
      const x = a[0] + t * (b[0] - a[0])
      const y = a[1] + t * (b[1] - a[1])
      const hits = Number(pointInPolygon(x, y, left)) + Number(pointInPolygon(x, y, right))
      expect(hits, `${x},${y}`).toBe(1)
    }
  })
})
