/** Bounding boxes of polygon geometries, read off the outer rings (holes lie inside them). */
import type { MultiPolygon, Polygon, Position } from 'geojson'

/**
 * `[minLng, minLat, maxLng, maxLat]` of a Polygon or MultiPolygon; all infinite for an empty geometry.
 *
 * @example
 * polygonBbox({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [0, 0]]] }) // [0, 0, 2, 1]
 */
export function polygonBbox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  for (const polygon of polygons) {
    for (const p of polygon[0] ?? []) {
      const x = p[0] as number
      const y = p[1] as number
      if (x < minX) minX = x
      if (x > maxX) maxX = x
      if (y < minY) minY = y
      if (y > maxY) maxY = y
    }
  }
  return [minX, minY, maxX, maxY]
}
