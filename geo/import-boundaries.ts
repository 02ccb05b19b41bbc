/**
 * Imports real boundaries (DESIGN §2.1): a district outline, optionally its streets, as parsed GeoJSON in
 * WGS-84, GCJ-02 or BD-09. Converts every coordinate to WGS-84 with gcoord, generates the tiers that were
 * not given inside the given ones, and returns the same `FullHierarchy` that `generateHierarchy` does.
 * Pure: the caller reads and parses the files (scripts/geo-import.ts).
 */
import { area, difference, featureCollection, intersect, kinks } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import gcoord from 'gcoord'
import type { NodeProps } from '../domain/geo.ts'
import { CHENGHUA, streetId } from './chenghua-profile.ts'
import { CHENGHUA_TIER_COUNTS, generateHierarchy, type FullHierarchy, type TierFeature } from './generate-hierarchy.ts'
import { assertSeed } from './guards.ts'
import { lloydRelax } from './lloyd-relax.ts'
import { localFrame, type XY } from './local-frame.ts'
import { signedArea } from './planar-ring.ts'
import { randomPointInPolygon } from './random-point-in-polygon.ts'
import { createRandom, type Random } from './seeded-random.ts'
import { voronoiSplit } from './voronoi-split.ts'

/** Coordinate systems an imported file may use. */
export const BOUNDARY_CRS = ['wgs84', 'gcj02', 'bd09'] as const
export type BoundaryCrs = (typeof BOUNDARY_CRS)[number]

/** How many nodes each tier below the district has in all. `streets` is ignored when streets are given. */
export interface ImportCounts {
  streets: number
  communities: number
  grids: number
  microgrids: number
}

/** The real Chenghua district's counts: 11 streets, 83 / 995 / 6,283 below them. */
export const DEFAULT_IMPORT_COUNTS: Readonly<ImportCounts> = Object.freeze({ streets: CHENGHUA.streetNames.length, ...CHENGHUA_TIER_COUNTS })

/** A step `importBoundaries` has finished, for progress output. */
export interface ImportProgress {
  tier: 'district' | 'streets' | 'communities+grids+microgrids'
  /** Features in that tier (for the lower tiers, all three together). */
  count: number
  /** Whether the tier came from the input (`imported`) or was generated. */
  source: 'imported' | 'generated'
  ms: number
}

export interface ImportBoundariesOptions {
  /** Parsed GeoJSON: a FeatureCollection, Feature or geometry holding exactly one Polygon / single-part MultiPolygon. */
  district: unknown
  /** Parsed GeoJSON with one Polygon / MultiPolygon feature per street; generated when absent. */
  streets?: unknown
  /** The input's coordinate system; both files use it. */
  crs: BoundaryCrs
  /** Tier totals; missing keys default to `DEFAULT_IMPORT_COUNTS`. */
  counts?: Partial<ImportCounts>
  /** Seeds every generated tier: same input and seed, byte-identical output. */
  seed: string | number
  /** Called after each step (no output of its own: this function stays pure). */
  onProgress?: (step: ImportProgress) => void
}

/** Output precision, as the generators: 7 decimals is about 1 cm. */
const DECIMALS = 1e7
/** Three-digit street codes. */
const MAX_STREETS = 999
/** Given streets may stick out of the district by this fraction of their own area (digitising noise). */
const OUTSIDE_TOLERANCE = 1e-3
const STREET_LLOYD_ROUNDS = 3
const SEED_CANDIDATES = 4
const DEFAULT_DISTRICT = { id: '000000', name: '导入区' } as const
const CRS_OF: Record<BoundaryCrs, GcoordCrs> = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 }

type Geometry = Polygon | MultiPolygon
/** gcoord's CRS enum, as its transform takes it. */
type GcoordCrs = Parameters<typeof gcoord.transform>[1]
type PolygonFeature = Feature<Geometry>

/**
 * Builds a five-tier hierarchy from real boundaries.
 *
 * - Input checks throw precise messages: not GeoJSON, no Polygon / MultiPolygon feature, a bad position, a
 *   self-intersecting ring (turf.kinks), an unknown CRS, a district of several parts, a street outside the
 *   district, bad counts.
 * - Every coordinate goes through `gcoord.transform` to WGS-84, is rounded to 7 decimals, and repeated
 *   vertices are dropped; exterior rings are wound counter-clockwise, holes clockwise (RFC 7946).
 * - The district's id is `properties.adcode` (DataV files) or `properties.id` or the feature's id, else
 *   `000000`; its name `properties.name`, else `导入区`.
 * - Without streets, `counts.streets` (11) are generated inside the outline: best-candidate sites, three
 *   rounds of Lloyd, then `voronoiSplit`, which keeps the outline's own vertices and puts the crossings
 *   exactly on its edges (never rounded), so the streets tile it without slivers. Ids are the district id
 *   plus three digits from the south-west; names are Chenghua's real street names for adcode 510108 with
 *   11 streets, else `第N街道`.
 * - Given streets keep their id (`properties.id`, `code` or `adcode`, or the feature id; else generated
 *   from the district id in file order) and name, sorted by id; each must lie inside the district (up to
 *   0.1% of its area outside). Their geometry is used as given (converted and rounded), not clipped.
 * - Communities, grids and micro-grids come from `generateHierarchy` at the given counts.
 *
 * @example
 * const h = importBoundaries({ district: JSON.parse(text), crs: 'gcj02', seed: 'gridwatch', counts: { microgrids: 2000 } })
 * h.district.properties // { id: '510108', name: '成华区', level: 'district', parentId: null }
 * h.streets.length      // 11
 */
export function importBoundaries(options: ImportBoundariesOptions): FullHierarchy {
  const { district: districtInput, streets: streetsInput, crs, seed, counts: countsInput, onProgress } = options ?? ({} as ImportBoundariesOptions)
  assertCrs(crs)
  assertSeed(seed)
  const counts = resolveCounts(countsInput)
  const from = CRS_OF[crs]

  let started = Date.now()
  const districtFeatures = polygonFeatures('district', districtInput)
  if (districtFeatures.length !== 1) {
    throw new RangeError(`district GeoJSON has ${districtFeatures.length} Polygon / MultiPolygon features; expected exactly one (the district outline)`)
  }
  const source = districtFeatures[0] as PolygonFeature
  const outline = singlePolygon(convertGeometry('district', source.geometry, from))
  const districtId = pickId(source, ['adcode', 'id']) ?? DEFAULT_DISTRICT.id
  const districtName = pickName(source) ?? DEFAULT_DISTRICT.name
  const district: Feature<Polygon, NodeProps> = {
    type: 'Feature',
    id: districtId,
    properties: { id: districtId, name: districtName, level: 'district', parentId: null },
    geometry: outline,
  }
  onProgress?.({ tier: 'district', count: 1, source: 'imported', ms: Date.now() - started })

  started = Date.now()
  const streets =
    streetsInput === undefined || streetsInput === null
      ? generateStreets(district, counts.streets, createRandom(seed).fork('import-street-sites'))
      : importStreets(streetsInput, district, from)
  onProgress?.({ tier: 'streets', count: streets.length, source: streetsInput == null ? 'generated' : 'imported', ms: Date.now() - started })

  started = Date.now()
  const { communities, grids, microgrids } = counts
  const full = generateHierarchy({ seed: String(seed), district, streets }, { communities, grids, microgrids })
  onProgress?.({
    tier: 'communities+grids+microgrids',
    count: full.communities.length + full.grids.length + full.microgrids.length,
    source: 'generated',
    ms: Date.now() - started,
  })
  return full
}

function assertCrs(crs: unknown): asserts crs is BoundaryCrs {
  if (typeof crs !== 'string' || !(BOUNDARY_CRS as readonly string[]).includes(crs)) {
    throw new RangeError(`crs must be one of ${BOUNDARY_CRS.join(', ')} (got ${JSON.stringify(crs) ?? String(crs)})`)
  }
}

function resolveCounts(counts: Partial<ImportCounts> | undefined): ImportCounts {
  if (counts !== undefined && (counts === null || typeof counts !== 'object')) throw new TypeError('counts must be an object')
  const out = { ...DEFAULT_IMPORT_COUNTS }
  for (const key of ['streets', 'communities', 'grids', 'microgrids'] as const) {
    const n = counts?.[key]
    if (n === undefined) continue
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`counts.${key} must be a positive integer (got ${String(n)})`)
    out[key] = n
  }
  if (out.streets > MAX_STREETS) throw new RangeError(`counts.streets must be at most ${MAX_STREETS}: street ids have three digits`)
  return out
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'])

/** The Polygon / MultiPolygon features in a parsed GeoJSON object (other geometries are skipped). */
function polygonFeatures(what: string, input: unknown): PolygonFeature[] {
  const type = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { type?: unknown }).type : undefined
  const isGeoJson = type === 'FeatureCollection' || type === 'Feature' || (typeof type === 'string' && GEOMETRY_TYPES.has(type))
  if (!isGeoJson) {
    const hint = typeof input === 'string' ? ' (got a string: parse the file with JSON.parse first)' : ''
    throw new TypeError(`${what} is not GeoJSON: expected an object whose type is FeatureCollection, Feature or a geometry${hint}`)
  }
  const candidates: unknown[] =
    type === 'FeatureCollection'
      ? asArray(what, (input as { features?: unknown }).features, 'FeatureCollection.features')
      : type === 'Feature'
        ? [input]
        : [{ type: 'Feature', properties: {}, geometry: input }]
  const out: PolygonFeature[] = []
  candidates.forEach((f, i) => {
    const feature = f as Partial<Feature> | null
    if (feature?.type !== 'Feature') throw new TypeError(`${what} is not GeoJSON: features[${i}] is not a Feature`)
    const g = feature.geometry
    if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') out.push(feature as PolygonFeature)
  })
  if (out.length === 0) throw new RangeError(`${what} GeoJSON has no Polygon or MultiPolygon feature`)
  return out
}

function asArray(what: string, value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${what} is not GeoJSON: ${name} must be an array`)
  return value
}

/**
 * Checks, converts to WGS-84 with gcoord, rounds to 7 decimals and winds every ring. Self-intersections are
 * looked for both in the input and after rounding.
 */
function convertGeometry(what: string, geometry: Geometry, from: GcoordCrs): Geometry {
  const polygons = asArray(what, geometry.coordinates, `${geometry.type}.coordinates`)
  const parts = geometry.type === 'Polygon' ? [polygons] : polygons
  const converted = parts.map((part, p) => {
    const label = geometry.type === 'Polygon' ? what : `${what} part ${p + 1}`
    const rings = asArray(what, part, `${label} rings`).map((ring, r) => checkRing(`${label} ring ${r + 1}`, what, ring))
    if (rings.length === 0) throw new RangeError(`${label} has no rings`)
    assertNoKinks(label, rings, '')
    const out = rings.map((ring, r) => {
      const wgs = dedupe(ring.map((q) => roundPosition(gcoord.transform([q[0], q[1]], from, gcoord.WGS84) as XY)))
      if (wgs.length < 4) throw new RangeError(`${label} ring ${r + 1} collapses to fewer than 3 distinct vertices at 1 cm precision`)
      const open = wgs.slice(0, -1) as XY[]
      // RFC 7946: exterior counter-clockwise, holes clockwise.
      if (signedArea(open) > 0 !== (r === 0)) wgs.reverse()
      return wgs
    })
    assertNoKinks(label, out, ' after conversion to WGS-84 and rounding to 7 decimals')
    return out
  })
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: converted[0] as Position[][] } : { type: 'MultiPolygon', coordinates: converted }
}

/** A ring of finite `[lng, lat]` positions (extra ordinates dropped), closed, without repeated vertices. */
function checkRing(label: string, what: string, ring: unknown): XY[] {
  const positions = asArray(what, ring, `${label}`).map((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new TypeError(`${label} position ${i} must be [lng, lat] with finite numbers`)
    }
    const [lng, lat] = p as [number, number]
    if (Math.abs(lng) > 180 || Math.abs(lat) > 90) throw new RangeError(`${label} position ${i} [${lng}, ${lat}] is not a longitude/latitude`)
    return [lng, lat] as XY
  })
  const closed = dedupe(positions)
  const first = closed[0]
  const last = closed[closed.length - 1]
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) closed.push([first[0], first[1]])
  if (closed.length < 4) throw new RangeError(`${label} must have at least 3 distinct vertices`)
  return closed
}

function assertNoKinks(label: string, rings: XY[][], when: string): void {
  const found = kinks({ type: 'Polygon', coordinates: rings })
  const at = found.features[0]?.geometry.coordinates
  if (at !== undefined) {
    const where = `[${(at[0] as number).toFixed(7)}, ${(at[1] as number).toFixed(7)}]`
    throw new RangeError(`${label} has a self-intersecting ring${when}: ${found.features.length} crossing(s), the first at ${where}`)
  }
}

function roundPosition([lng, lat]: XY): XY {
  return [Math.round(lng * DECIMALS) / DECIMALS, Math.round(lat * DECIMALS) / DECIMALS]
}

function dedupe(ring: XY[]): XY[] {
  const out: XY[] = []
  for (const p of ring) {
    const last = out[out.length - 1]
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  return out
}

/** The district must be one polygon (DistrictHierarchy's district is a Polygon): unwraps a single-part MultiPolygon. */
function singlePolygon(geometry: Geometry): Polygon {
  if (geometry.type === 'Polygon') return geometry
  if (geometry.coordinates.length !== 1) {
    throw new RangeError(`district MultiPolygon has ${geometry.coordinates.length} parts; only a Polygon or a single-part MultiPolygon is supported`)
  }
  return { type: 'Polygon', coordinates: geometry.coordinates[0] as Position[][] }
}

function pickId(feature: PolygonFeature, keys: readonly string[]): string | undefined {
  const props = (feature.properties ?? {}) as Record<string, unknown>
  for (const value of [...keys.map((k) => props[k]), feature.id]) {
    if ((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))) return String(value).trim()
  }
  return undefined
}

function pickName(feature: PolygonFeature): string | undefined {
  const name = (feature.properties as Record<string, unknown> | null)?.name
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined
}

/** `n` streets tiling the district: relaxed Voronoi cells split exactly along its outline. */
function generateStreets(district: Feature<Polygon, NodeProps>, n: number, rng: Random): TierFeature[] {
  const parent = district.geometry
  const frame = localFrame(parent)
  const sites = lloydRelax(parent, initialSites(rng, district, n), STREET_LLOYD_ROUNDS)
  const keys = sites.map((s) => {
    const [x, y] = frame.toLocal(s)
    return x + y
  })
  // South-west first, as generateDistrict numbers the streets.
  const order = sites.map((_, k) => k).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
  const pieces = voronoiSplit(parent, order.map((k) => sites[k] as Position))
  const districtId = district.properties.id
  const realNames = districtId === CHENGHUA.id && n === CHENGHUA.streetNames.length
  return pieces.map((geometry, i) => {
    if (geometry === null) throw new Error(`street ${i + 1} has an empty cell (generator bug)`)
    const id = streetId(districtId, i)
    const name = realNames ? (CHENGHUA.streetNames[i] as string) : `第${i + 1}街道`
    return { type: 'Feature', id, properties: { id, name, level: 'street', parentId: districtId }, geometry }
  })
}

/** `n` sites inside `parent`, each the best of a few random candidates (furthest from the sites so far). */
function initialSites(rng: Random, parent: Feature<Polygon>, n: number): Position[] {
  const frame = localFrame(parent.geometry)
  const sites: Position[] = []
  const local: XY[] = []
  for (let i = 0; i < n; i++) {
    let best: Position | undefined
    let bestLocal: XY | undefined
    let bestDistance = -1
    for (let c = 0; c < SEED_CANDIDATES; c++) {
      const candidate = randomPointInPolygon(rng, parent)
      const p = frame.toLocal(candidate)
      let nearest = Infinity
      for (const s of local) nearest = Math.min(nearest, (s[0] - p[0]) ** 2 + (s[1] - p[1]) ** 2)
      if (nearest > bestDistance) {
        bestDistance = nearest
        best = candidate
        bestLocal = p
      }
    }
    sites.push(best as Position)
    local.push(bestLocal as XY)
  }
  return sites
}

/** Given streets: converted, named, checked to lie inside the district, sorted by id. */
function importStreets(input: unknown, district: Feature<Polygon, NodeProps>, from: GcoordCrs): TierFeature[] {
  const features = polygonFeatures('streets', input)
  if (features.length > MAX_STREETS) throw new RangeError(`streets GeoJSON has ${features.length} streets; ids allow ${MAX_STREETS}`)
  const districtId = district.properties.id
  const seen = new Set<string>()
  const streets = features.map((f, i): TierFeature => {
    const id = pickId(f, ['id', 'code', 'adcode']) ?? streetId(districtId, i)
    if (seen.has(id)) throw new RangeError(`streets GeoJSON has two streets with id ${id}; ids must be unique`)
    seen.add(id)
    const name = pickName(f) ?? `第${i + 1}街道`
    const geometry = convertGeometry(`street ${id}`, f.geometry, from)
    return { type: 'Feature', id, properties: { id, name, level: 'street', parentId: districtId }, geometry }
  })
  for (const s of streets) {
    const own = area(s)
    const inside = intersect(featureCollection<Geometry>([s, district]))
    const outside = inside === null ? own : (difference(featureCollection<Geometry>([s, district])) ?? null)
    const outsideM2 = typeof outside === 'number' ? outside : outside === null ? 0 : area(outside)
    if (outsideM2 > OUTSIDE_TOLERANCE * own) {
      const pct = ((100 * outsideM2) / own).toFixed(outsideM2 >= own ? 0 : 2)
      throw new RangeError(`street ${s.properties.id} (${s.properties.name}) is not inside the district: ${pct}% of it (${Math.round(outsideM2)} m²) lies outside`)
    }
  }
  return streets.sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0))
}
