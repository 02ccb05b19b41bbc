import { describe, expect, it } from 'vitest'
import type { FeatureCollection, Polygon } from 'geojson'
import { featureBounds } from './feature-bounds.ts'
import { labelPoint } from '../../geo/label-point.ts'

const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }
// A U open to the north: its centroid falls in the notch, outside the shape.
const u: Polygon = {
  type: 'Polygon',
  coordinates: [[[0, 0], [6, 0], [6, 6], [4, 6], [4, 2], [2, 2], [2, 6], [0, 6], [0, 0]]],
}

function inU([x, y]: [number, number]): boolean {
  const inOuter = x > 0 && x < 6 && y > 0 && y < 6
  const inNotch = x > 2 && x < 4 && y > 2
  return inOuter && !inNotch
}

describe('labelPoint', () => {
  it('is the centroid of a convex polygon', () => {
    expect(labelPoint(square)).toEqual([1, 1])
  })

  it('moves inside a concave polygon whose centroid is outside', () => {
    const p = labelPoint(u)
    expect(p).not.toBeNull()
    expect(inU(p!)).toBe(true)
  })

  it('uses the largest part of a multipolygon', () => {
    const p = labelPoint({
      type: 'MultiPolygon',
      coordinates: [
        [[[100, 100], [100.1, 100], [100.1, 100.1], [100, 100]]],
        square.coordinates,
      ],
    })
    expect(p).toEqual([1, 1])
  })

  it('returns null for an empty polygon', () => {
    expect(labelPoint({ type: 'Polygon', coordinates: [] })).toBeNull()
  })
})

describe('featureBounds', () => {
  it('spans every polygon', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: square },
        { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[[-1, 5], [3, 5], [3, 7], [-1, 5]]]] } },
      ],
    }
    expect(featureBounds(fc)).toEqual([[-1, 0], [3, 7]])
  })

  it('is null for an empty collection', () => {
    expect(featureBounds({ type: 'FeatureCollection', features: [] })).toBeNull()
  })
})
