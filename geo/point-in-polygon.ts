/**
 * A fast planar point-in-polygon test over raw GeoJSON coordinates, used on hot paths (locating events,
 * sampling points) where `@turf/boolean-point-in-polygon`'s per-call option handling and robust-predicate
 * library cost more than the answer is worth.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'

/**
 * Whether (lng, lat) lies inside `geometry`, by the even-odd rule over all rings (so holes work).
 *
 * Each edge is evaluated with its endpoints in a canonical order (lower latitude first), so an edge shared
 * by two neighbouring polygons gives bit-identical crossings in both: a point on a shared edge belongs
 * to exactly one of them, never to both or neither. Points on the outer boundary may fall either way.
 *
 * @example
 * pointInPolygon(0.5, 0.5, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }) // true
 */
export function pointInPolygon(lng: number, lat: number, geometry: Polygon | MultiPolygon): boolean {
  if (geometry.type === 'Polygon') return ringsContain(lng, lat, geometry.coordinates)
  for (const polygon of geometry.coordinates) {
    if (ringsContain(lng, lat, polygon)) return true
  }
  return false
}

function ringsContain(lng: number, lat: number, rings: Position[][]): boolean {
  let inside = false
  for (const ring of rings) {
    if (ringCrossingsOdd(lng, lat, ring)) inside = !inside
  }
  return inside
}

/**
 * Ray casting towards +lng. Starting from the last position makes an unclosed ring work too; on a closed
 * ring that first edge has zero length and never counts.
 */
function ringCrossingsOdd(lng: number, lat: number, ring: Position[]): boolean {
  let odd = false
  const last = ring[ring.length - 1]
  if (last === undefined) return false
  let px = last[0] as number
  let py = last[1] as number
  for (let i = 0; i < ring.length; i++) {
    const cur = ring[i] as Position
    const cx = cur[0] as number
    const cy = cur[1] as number
    if (py > lat !== cy > lat) {
      const crossX = py < cy ? px + ((lat - py) * (cx - px)) / (cy - py) : cx + ((lat - cy) * (px - cx)) / (py - cy)
      if (lng < crossX) odd = !odd
    }
    px = cx
    py = cy
  }
  return odd
}
