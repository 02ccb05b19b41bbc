/** The bounding box of a FeatureCollection's polygons, for fitting the camera. */
import type { FeatureCollection, Position } from 'geojson'

export type Bounds = [[number, number], [number, number]]

function* positions(fc: FeatureCollection): Generator<Position> {
  for (const f of fc.features) {
    const g = f.geometry
    if (g.type === 'Polygon') for (const ring of g.coordinates) yield* ring
    else if (g.type === 'MultiPolygon') for (const poly of g.coordinates) for (const ring of poly) yield* ring
    else if (g.type === 'Point') yield g.coordinates
  }
}

/**
 * `[[west, south], [east, north]]`, or null for a collection with no coordinates.
 *
 * @example
 * featureBounds(district) // [[103.99, 30.61], [104.21, 30.74]]
 */
export function featureBounds(fc: FeatureCollection): Bounds | null {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (const [lng, lat] of positions(fc)) {
    if (lng === undefined || lat === undefined) continue
    if (lng < w) w = lng
    if (lng > e) e = lng
    if (lat < s) s = lat
    if (lat > n) n = lat
  }
  return w <= e && s <= n ? [[w, s], [e, n]] : null
}
