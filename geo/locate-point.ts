/**
 * Finds the tier path of a WGS-84 point: which district and street it falls in. This is the ingest
 * pipeline's hot path (DESIGN §5: "locating a point takes microseconds"), so the work per call is a Flatbush
 * bounding-box query and a ring test on the few candidates it returns.
 */
import Flatbush from 'flatbush'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { Path } from '../domain/event.ts'
import { assertHierarchy, type DistrictHierarchy } from './district-hierarchy.ts'
import { assertFinite } from './guards.ts'
import { pointInPolygon } from './point-in-polygon.ts'
import { polygonBbox } from './polygon-bbox.ts'

/**
 * How far (in degrees, about 1 m) around a point in no street to look for the street it belongs to. Seams
 * from numeric noise are centimetres wide; anything wider is a broken import, and still gets the nearest.
 */
const SEAM_DEG = 1e-5

export interface LocateResult {
  /** Ids of the tiers the point falls in; all null when it is outside the district. */
  path: Path
  /** True when the point lies outside the district. */
  outside: boolean
}

export interface Locator {
  locate(lng: number, lat: number): LocateResult
}

/**
 * Builds a locator over a hierarchy. Building indexes the streets once; `locate` is then cheap.
 *
 * Inside the district, the street is the one whose polygon contains the point. Street borders are shared
 * vertex for vertex and tested in a canonical order, so a point on a border gets exactly one street. If a
 * point is inside the district but, through numeric noise in an imported boundary, in no street, it gets
 * the nearest street by distance to its border (among streets within about a metre, else the nearest
 * few by bounding box) rather than a null street: such a point is centimetres from that street. This
 * fallback is off the hot path.
 *
 * Community, grid and micro-grid are null until those tiers are generated.
 *
 * @example
 * const locator = createLocator(generateDistrict({ seed: 'gridwatch' }))
 * locator.locate(104.1, 30.67)
 * // { path: { district: '510108', street: '5101080…', community: null, grid: null, microgrid: null }, outside: false }
 * locator.locate(0, 0).outside // true
 */
export function createLocator(h: DistrictHierarchy): Locator {
  assertHierarchy(h)
  const districtId = h.district.properties.id
  const districtGeometry = h.district.geometry
  const districtBox = polygonBbox(districtGeometry)
  const streetIds = h.streets.map((s) => s.properties.id)
  const streetGeometries = h.streets.map((s) => s.geometry)

  const index = new Flatbush(streetGeometries.length)
  for (const geometry of streetGeometries) {
    const [minX, minY, maxX, maxY] = polygonBbox(geometry)
    index.add(minX, minY, maxX, maxY)
  }
  index.finish()

  const found = (street: string): LocateResult => ({
    path: { district: districtId, street, community: null, grid: null, microgrid: null },
    outside: false,
  })

  return {
    locate(lng, lat) {
      assertFinite('lng and lat', lng, lat)
      const candidates = index.search(lng, lat, lng, lat)
      for (const i of candidates) {
        if (pointInPolygon(lng, lat, streetGeometries[i] as Polygon | MultiPolygon)) return found(streetIds[i] as string)
      }
      const inDistrict =
        lng >= districtBox[0] &&
        lat >= districtBox[1] &&
        lng <= districtBox[2] &&
        lat <= districtBox[3] &&
        pointInPolygon(lng, lat, districtGeometry)
      if (!inDistrict) {
        return { path: { district: null, street: null, community: null, grid: null, microgrid: null }, outside: true }
      }
      const near = index.search(lng - SEAM_DEG, lat - SEAM_DEG, lng + SEAM_DEG, lat + SEAM_DEG)
      const pool = near.length > 0 ? near : index.neighbors(lng, lat, 3)
      let nearest = pool[0] as number
      let nearestDistance = Infinity
      for (const i of pool) {
        const d = distanceToBorder(lng, lat, streetGeometries[i] as Polygon | MultiPolygon)
        if (d < nearestDistance) {
          nearestDistance = d
          nearest = i
        }
      }
      return found(streetIds[nearest] as string)
    },
  }
}

/**
 * Squared planar distance, in degrees with longitude shrunk by cos(lat) so both axes measure alike,
 * from the point to the nearest edge of any ring. Only used to rank candidates, off the hot path.
 */
function distanceToBorder(lng: number, lat: number, geometry: Polygon | MultiPolygon): number {
  const k = Math.cos((lat * Math.PI) / 180)
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let best = Infinity
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as Position
        const b = ring[i + 1] as Position
        const ax = ((a[0] as number) - lng) * k
        const ay = (a[1] as number) - lat
        const dx = ((b[0] as number) - (a[0] as number)) * k
        const dy = (b[1] as number) - (a[1] as number)
        const len = dx * dx + dy * dy
        const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len))
        const ex = ax + t * dx
        const ey = ay + t * dy
        best = Math.min(best, ex * ex + ey * ey)
      }
    }
  }
  return best
}
