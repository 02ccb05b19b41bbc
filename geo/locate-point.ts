/**
 * Finds the tier path of a WGS-84 point: the district, street, community, grid and micro-grid it falls
 * in, as deep as the hierarchy goes. This is the ingest
 * pipeline's hot path (DESIGN §5: "locating a point takes microseconds"), so the work per call is a Flatbush
 * bounding-box query and a ring test on the few candidates it returns.
 */
import Flatbush from 'flatbush'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { Path } from '../domain/event.ts'
import { assertHierarchy } from './district-hierarchy.ts'
import { levelFeatures, type AnyHierarchy, type LevelFeature } from './level-features.ts'
import { LEVELS } from '../domain/geo.ts'
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
 * Builds a locator over a hierarchy. Building indexes the deepest tier it holds (the leaves: micro-grids
 * of a `FullHierarchy`, streets of a `DistrictHierarchy`) once; `locate` is then cheap, and the tiers
 * above come from the leaf's precomputed ancestry.
 *
 * Inside the district, the leaf is the one whose polygon contains the point. Leaf borders are shared
 * vertex for vertex and tested in a canonical order, so a point on a border gets exactly one leaf. If a
 * point is inside the district but, through numeric noise in an imported boundary, in no leaf, it gets
 * the nearest leaf by distance to its border (among leaves within about a metre, else the nearest
 * few by bounding box) rather than a null path: such a point is centimetres from that leaf. This
 * fallback is off the hot path.
 *
 * Tiers the hierarchy does not hold are null in the path.
 *
 * @example
 * const locator = createLocator(generateDistrict({ seed: 'gridwatch' }))
 * locator.locate(104.1, 30.67)
 * // { path: { district: '510108', street: '5101080…', community: null, grid: null, microgrid: null }, outside: false }
 * locator.locate(0, 0).outside // true
 */
export function createLocator(h: AnyHierarchy): Locator {
  assertHierarchy(h)
  const districtGeometry = h.district.geometry
  const districtBox = polygonBbox(districtGeometry)
  const leaves = [...LEVELS].reverse().map((level) => levelFeatures(h, level)).find((f) => f !== undefined) as LevelFeature[]
  const leafPaths = ancestry(h, leaves)
  const leafGeometries = leaves.map((s) => s.geometry)

  const index = new Flatbush(leafGeometries.length)
  for (const geometry of leafGeometries) {
    const [minX, minY, maxX, maxY] = polygonBbox(geometry)
    index.add(minX, minY, maxX, maxY)
  }
  index.finish()

  // A copy per call: stored events must not share (and so could never corrupt) one path object.
  const found = (leaf: number): LocateResult => ({ path: { ...(leafPaths[leaf] as Path) }, outside: false })

  return {
    locate(lng, lat) {
      assertFinite('lng and lat', lng, lat)
      const candidates = index.search(lng, lat, lng, lat)
      for (const i of candidates) {
        if (pointInPolygon(lng, lat, leafGeometries[i] as Polygon | MultiPolygon)) return found(i)
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
        const d = distanceToBorder(lng, lat, leafGeometries[i] as Polygon | MultiPolygon)
        if (d < nearestDistance) {
          nearestDistance = d
          nearest = i
        }
      }
      return found(nearest)
    },
  }
}

/** The full path of each leaf, from the `parentId` chain through the tiers the hierarchy holds. */
function ancestry(h: AnyHierarchy, leaves: LevelFeature[]): Path[] {
  const byId = new Map<string, LevelFeature>()
  for (const level of LEVELS) for (const f of levelFeatures(h, level) ?? []) byId.set(f.properties.id, f)
  return leaves.map((leaf) => {
    const path: Path = { district: null, street: null, community: null, grid: null, microgrid: null }
    for (let node: LevelFeature | undefined = leaf; node; node = node.properties.parentId === null ? undefined : byId.get(node.properties.parentId)) {
      path[node.properties.level] = node.properties.id
    }
    return path
  })
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
