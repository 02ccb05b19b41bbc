/**
 * The generated roster (处置力量), from the district hierarchy and the seed: one 网格员 per grid, two
 * 社区工作者 per community, one 应急小分队 per street, and one team per department per street. Each
 * starts available at home: near its area's label point (the grid's office, the street's command
 * post), jittered a little so a street's teams do not sit on one pixel, and always inside the area.
 */
import type { MultiPolygon, Polygon } from 'geojson'
import { DEPARTMENTS, DEPARTMENT_LABELS } from '../../domain/cases.ts'
import type { Unit, UnitKind } from '../../domain/units.ts'
import { createRandom, pointInPolygon, randomPointInPolygon, type FullHierarchy, type Random, type TierFeature } from '../../geo/index.ts'
import { labelPoint } from '../../geo/label-point.ts'
import { personName } from './person-names.ts'

export const COMMUNITY_WORKERS_PER_COMMUNITY = 2
const M_PER_DEG = 111_320
/** Jitter radius by area: a grid is a few hundred metres across, a street a few kilometres. */
const JITTER_M = { grid: 40, community: 80, street: 150 } as const

/** Unit ids say what and where: `GW-<grid>`, `CW-<community>-<n>`, `ES-<street>`, `DT-<street>-<department>`. */
export const unitIds = {
  gridWorker: (grid: string) => `GW-${grid}`,
  communityWorker: (community: string, n: number) => `CW-${community}-${n}`,
  squad: (street: string) => `ES-${street}`,
  team: (street: string, department: string) => `DT-${street}-${department}`,
}

/** A point near the area's label point, inside it. */
function homePoint(rng: Random, area: TierFeature, jitterM: number): { lng: number; lat: number } {
  const geometry = area.geometry as Polygon | MultiPolygon
  const label = labelPoint(geometry)
  if (!label) {
    const [lng, lat] = randomPointInPolygon(rng, area)
    return { lng, lat }
  }
  const [lng0, lat0] = label
  for (let i = 0; i < 8; i++) {
    const r = jitterM / (i + 1)
    const lng = lng0 + rng.range(-r, r) / (M_PER_DEG * Math.cos((lat0 * Math.PI) / 180))
    const lat = lat0 + rng.range(-r, r) / M_PER_DEG
    if (pointInPolygon(lng, lat, geometry)) return { lng: round(lng), lat: round(lat) }
  }
  return { lng: round(lng0), lat: round(lat0) }
}

const round = (v: number) => Math.round(v * 1e7) / 1e7

/**
 * @example
 * generateUnits(hierarchy, 'chenghua-510108', '2026-05-22T00:00:00.000Z').length // 995 + 166 + 11 + 110 on the default district
 */
export function generateUnits(h: FullHierarchy, seed: string, at: string): Unit[] {
  const root = createRandom(`${seed}:units`)
  const communityStreet = new Map(h.communities.map((c) => [c.properties.id, c.properties.parentId ?? '']))
  const units: Unit[] = []
  const add = (id: string, kind: UnitKind, name: string, department: string | null, home: Unit['home'], location: Unit['location']) =>
    units.push({ id, kind, name, department, home, status: 'available', location, caseId: null, statusSince: at, updatedAt: at })

  for (const g of h.grids) {
    const rng = root.fork(g.properties.id)
    const community = g.properties.parentId ?? ''
    const home = { street: communityStreet.get(community) ?? '', community, grid: g.properties.id }
    add(unitIds.gridWorker(g.properties.id), 'grid_worker', `网格员 ${personName(rng)}`, null, home, homePoint(rng, g, JITTER_M.grid))
  }
  for (const c of h.communities) {
    const rng = root.fork(c.properties.id)
    const home = { street: c.properties.parentId ?? '', community: c.properties.id, grid: null }
    for (let n = 1; n <= COMMUNITY_WORKERS_PER_COMMUNITY; n++) {
      add(unitIds.communityWorker(c.properties.id, n), 'community_worker', `社区工作者 ${personName(rng)}`, null, home, homePoint(rng, c, JITTER_M.community))
    }
  }
  for (const s of h.streets as TierFeature[]) {
    const rng = root.fork(s.properties.id)
    const street = s.properties.id
    const home = { street, community: null, grid: null }
    add(unitIds.squad(street), 'emergency_squad', `${s.properties.name} 应急小分队`, null, home, homePoint(rng, s, JITTER_M.street))
    for (const d of DEPARTMENTS) {
      const name = `${DEPARTMENT_LABELS[d].zh} · ${s.properties.name} 一队`
      add(unitIds.team(street, d), 'department_team', name, d, home, homePoint(rng, s, JITTER_M.street))
    }
  }
  return units
}
