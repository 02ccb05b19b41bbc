/**
 * The one planar frame the site generator works in: km around the district, where sites are drawn as
 * true rectangles and ellipses, plus each place's position on the district's south-west → north-east
 * axis, which the generator reads as age (the real district's old town is its south-west corner, next to
 * the city centre; the north-east is where it is still being built).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { localFrame, type LocalFrame, type XY } from './local-frame.ts'
import { signedArea } from './planar-ring.ts'
import { polygonBbox } from './polygon-bbox.ts'

export interface SiteFrame extends LocalFrame {
  /** 0 at the district's south-west extreme, 1 at its north-east one. */
  southWestToNorthEast(p: XY): number
  /** The centre of a geometry's bounding box, in km. */
  centerOf(geometry: Polygon | MultiPolygon): XY
  /** Planar area in km² (outer rings less holes): a weight for sharing sites out, not a survey figure. */
  areaKm2(geometry: Polygon | MultiPolygon): number
  /** An open km ring → a closed `[lng, lat]` ring rounded to 7 decimals (about 1 cm), as the tiers are. */
  toRing(ring: readonly XY[]): Position[]
  /** An open km ring → open `[lng, lat]` vertices, unrounded: for inside tests against the tiers. */
  toLngLatRing(ring: readonly XY[]): Position[]
}

const DECIMALS = 1e7
const round = (v: number): number => Math.round(v * DECIMALS) / DECIMALS

/**
 * @example
 * const frame = siteFrame(h.district.geometry)
 * frame.southWestToNorthEast(frame.toLocal([104.05, 30.64])) // near 0
 */
export function siteFrame(district: Polygon | MultiPolygon): SiteFrame {
  const frame = localFrame(district)
  let lo = Infinity
  let hi = -Infinity
  const polygons: Position[][][] = district.type === 'Polygon' ? [district.coordinates] : district.coordinates
  for (const polygon of polygons) {
    for (const p of polygon[0] ?? []) {
      const [x, y] = frame.toLocal(p)
      lo = Math.min(lo, x + y)
      hi = Math.max(hi, x + y)
    }
  }
  const span = hi > lo ? hi - lo : 1
  return {
    ...frame,
    southWestToNorthEast: ([x, y]) => Math.min(1, Math.max(0, (x + y - lo) / span)),
    centerOf(geometry) {
      const [minX, minY, maxX, maxY] = polygonBbox(geometry)
      return frame.toLocal([(minX + maxX) / 2, (minY + maxY) / 2])
    },
    areaKm2(geometry) {
      let total = 0
      for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
        polygon.forEach((ring, i) => {
          const area = Math.abs(signedArea(ring.map((p) => frame.toLocal(p))))
          total += i === 0 ? area : -area
        })
      }
      return total
    },
    toRing(ring) {
      const out = ring.map((p): Position => {
        const [lng, lat] = frame.toLngLat(p)
        return [round(lng), round(lat)]
      })
      out.push([...(out[0] as Position)])
      return out
    },
    toLngLatRing: (ring) => ring.map((p) => frame.toLngLat(p)),
  }
}
