/**
 * A local equirectangular frame in km around a geometry's bounding-box centre, where x and y mean the same
 * distance, so Voronoi bisectors and centroids can be computed with plain planar formulas. At a district's
 * scale (tens of km) the distortion against the sphere is far below anything the generator cares about.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { polygonBbox } from './polygon-bbox.ts'

export type XY = [number, number]

export interface LocalFrame {
  /** `[lng, lat]` → `[x, y]` in km. Deterministic: the same position always maps to the same numbers. */
  toLocal(p: Position): XY
  /** `[x, y]` in km → `[lng, lat]`, unrounded. */
  toLngLat(p: XY): XY
}

const KM_PER_DEG_LAT = 110.574
const KM_PER_DEG_LNG_EQUATOR = 111.32

/**
 * The frame centred on `geometry`'s bounding box. It is an affine map, so straight lines, crossings and
 * ratios along a segment are the same in both coordinate systems.
 *
 * @example
 * const frame = localFrame(street.geometry)
 * frame.toLocal([104.1, 30.67]) // [x, y] km from the street's bbox centre
 */
export function localFrame(geometry: Polygon | MultiPolygon): LocalFrame {
  const [minX, minY, maxX, maxY] = polygonBbox(geometry)
  if (!(minX <= maxX && minY <= maxY)) throw new RangeError('geometry has no coordinates to build a frame on')
  const lng0 = (minX + maxX) / 2
  const lat0 = (minY + maxY) / 2
  const kx = KM_PER_DEG_LNG_EQUATOR * Math.cos((lat0 * Math.PI) / 180)
  const ky = KM_PER_DEG_LAT
  return {
    toLocal: (p) => [((p[0] as number) - lng0) * kx, ((p[1] as number) - lat0) * ky],
    toLngLat: ([x, y]) => [lng0 + x / kx, lat0 + y / ky],
  }
}
