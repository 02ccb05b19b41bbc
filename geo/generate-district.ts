/**
 * Generates the default city: a synthetic district the size of Chengdu's Chenghua district, split into its
 * 11 real streets (DESIGN §2.1).
 *
 * Only the top two tiers exist in this first cut. Communities (83), grids (995) and micro-grids (6,283)
 * come later, each generated inside and tiling its parent; so does importing real boundaries.
 */
import { clipToConvex, pointsBbox, signedArea } from './planar-ring.ts'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import { area, featureCollection, intersect, point, voronoi } from '@turf/turf'
import type { NodeProps } from '../domain/geo.ts'
import { CHENGHUA, streetId } from './chenghua-profile.ts'
import type { DistrictHierarchy } from './district-hierarchy.ts'
import { assertSeed } from './guards.ts'
import { pointInPolygon } from './point-in-polygon.ts'
import { randomPointInPolygon } from './random-point-in-polygon.ts'
import { createRandom, type Random } from './seeded-random.ts'

export type { DistrictHierarchy }

export interface GenerateDistrictOptions {
  /** Same seed, byte-identical output (on the same Node major). */
  seed: string | number
}

type XY = [number, number]
/** Relative street density at a local point (km); linear, positive over the district. */
type Density = (x: number, y: number) => number

/** Output precision: 7 decimals is about 1 cm, well below anything a map or a locate call can tell apart. */
const DECIMALS = 1e7
const OUTLINE_VERTICES = 384
const LLOYD_ROUNDS = 3
/** Best-candidate sampling: more candidates spread the initial street sites more evenly. */
const SEED_CANDIDATES = 4
/**
 * How much denser streets are in the south-west (next to the city centre) than in the north-east: density
 * runs from 1 + g to 1 - g across the district, and a relaxed cell's area goes roughly as density^-1/2.
 */
const DENSITY_GRADIENT = 0.8
/** A clipped vertex this close to the outline (in degrees, a few rounding steps) lies on it. */
const ON_OUTLINE_DEG = 3 / DECIMALS

// A local equirectangular frame in km around the centre. Shapes are built there, where x and y mean the
// same distance; the final scale is then fixed against turf.area on the WGS-84 result.
const KM_PER_DEG_LAT = 110.574
const KM_PER_DEG_LNG = 111.32 * Math.cos((CHENGHUA.center.lat * Math.PI) / 180)

function toLngLat([x, y]: XY): XY {
  return [round(CHENGHUA.center.lng + x / KM_PER_DEG_LNG), round(CHENGHUA.center.lat + y / KM_PER_DEG_LAT)]
}

function toLocal([lng, lat]: Position): XY {
  return [((lng as number) - CHENGHUA.center.lng) * KM_PER_DEG_LNG, ((lat as number) - CHENGHUA.center.lat) * KM_PER_DEG_LAT]
}

function round(v: number): number {
  return Math.round(v * DECIMALS) / DECIMALS
}

const keyOf = (p: Position): string => `${p[0]},${p[1]}`

/**
 * Generates the district and its 11 streets from a seed.
 *
 * - The outline is star-shaped around the centre: a radius made of a few decaying harmonics plus a fine
 *   wiggle, stretched and rotated at random. A positive radius at every angle means it cannot
 *   self-intersect. It is then scaled until turf.area says 110 km².
 * - Streets are a Voronoi split of 11 seeded points, relaxed by three rounds of density-weighted Lloyd so
 *   they are well shaped without looking like a chessboard, each cell clipped to the outline with
 *   turf.intersect. The density falls towards the north-east, so inner-city streets come out smaller
 *   (about 5–8 km²) than outer ones (about 12–15 km²), as in the real district.
 * - Ids follow position: 510108001 (猛追湾) is the south-westernmost street, nearest the city centre as in
 *   the real district, and the numbers climb towards the north-east.
 * - Coordinates are rounded to 7 decimals. The outline is rounded before clipping, and the points where
 *   street borders meet the outline are then inserted into it, so streets tile the published outline
 *   exactly: their areas sum to its area and no street pokes out of it.
 *
 * @example
 * const h = generateDistrict({ seed: 'gridwatch' })
 * h.streets.length            // 11
 * h.streets[0].properties.id  // '510108001'
 */
export function generateDistrict({ seed }: GenerateDistrictOptions): DistrictHierarchy {
  assertSeed(seed)
  const rng = createRandom(seed)
  const outlineLocal = scaledOutline(rng.fork('district-outline'))
  const outlineRing = closeRing(outlineLocal.map(toLngLat))
  const outline: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [outlineRing] } }

  const density = southWestDensity(outlineLocal)
  const sites = relax(initialSites(rng.fork('street-sites'), outline, density), outlineLocal, density)
  // South-west first: the real district's oldest, densest streets sit next to the city centre.
  const order = sites.map((_, i) => i).sort((a, b) => southWestKey(sites[a] as XY) - southWestKey(sites[b] as XY))

  const cells = voronoiCells(sites, outlineLocal)
  const knownVertices = new Set(outlineRing.map(keyOf))
  const clipped = order.map((siteIndex) => {
    const cell = closeRing((cells[siteIndex] as XY[]).map(toLngLat))
    for (const p of cell) knownVertices.add(keyOf(p))
    const cellFeature: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [cell] } }
    const piece = intersect(featureCollection([cellFeature, outline]))
    if (piece === null) throw new Error(`street site ${siteIndex} has an empty cell (generator bug)`)
    return roundGeometry(piece.geometry)
  })

  const districtId = CHENGHUA.id
  const streets = clipped.map((geometry, i): Feature<Polygon | MultiPolygon, NodeProps> => {
    const id = streetId(districtId, i)
    const name = CHENGHUA.streetNames[i] as string
    return { type: 'Feature', id, properties: { id, name, level: 'street', parentId: districtId }, geometry }
  })
  const districtRing = insertOutlineCrossings(outlineRing, clipped, knownVertices)
  const district: Feature<Polygon, NodeProps> = {
    type: 'Feature',
    id: districtId,
    properties: { id: districtId, name: CHENGHUA.name, level: 'district', parentId: null },
    geometry: { type: 'Polygon', coordinates: [districtRing] },
  }
  return { seed: String(seed), district, streets }
}

/** The outline in local km (open ring, counter-clockwise), scaled so its WGS-84 area is the target. */
function scaledOutline(rng: Random): XY[] {
  const harmonics: { k: number; amp: number; phase: number }[] = []
  // Broad lobes: amplitudes decay with frequency so the shape stays compact.
  for (let k = 2; k <= 7; k++) harmonics.push({ k, amp: (rng.range(0.35, 1) * 0.2) / (k - 1) ** 0.9, phase: rng.range(0, 2 * Math.PI) })
  // A fine wiggle, like a boundary that follows rivers and roads.
  for (let k = 8; k <= 48; k++) harmonics.push({ k, amp: (rng.range(0, 1) * 0.1) / k, phase: rng.range(0, 2 * Math.PI) })
  // The amplitudes sum below 0.75, so the radius stays positive: the outline is star-shaped, hence simple.
  const stretch = Math.sqrt(rng.range(1.1, 1.45))
  const rotation = rng.range(0, Math.PI)
  const cos = Math.cos(rotation)
  const sin = Math.sin(rotation)
  const unit: XY[] = []
  for (let i = 0; i < OUTLINE_VERTICES; i++) {
    const theta = (2 * Math.PI * i) / OUTLINE_VERTICES
    let r = 1
    for (const h of harmonics) r += h.amp * Math.cos(h.k * theta + h.phase)
    const x = r * Math.cos(theta) * stretch
    const y = (r * Math.sin(theta)) / stretch
    unit.push([x * cos - y * sin, x * sin + y * cos])
  }
  // Start from the planar guess and correct against the spherical area; two corrections reach ~1e-9.
  let scale = Math.sqrt(CHENGHUA.areaM2 / 1e6 / Math.abs(signedArea(unit)))
  for (let i = 0; i < 3; i++) {
    const ring = closeRing(unit.map(([x, y]) => toLngLat([x * scale, y * scale])))
    const measured = area({ type: 'Polygon', coordinates: [ring] })
    scale *= Math.sqrt(CHENGHUA.areaM2 / measured)
  }
  return unit.map(([x, y]) => toLocal(toLngLat([x * scale, y * scale])))
}

/** Denser towards the south-west, where the real district meets the city centre. */
function southWestDensity(outline: XY[]): Density {
  let reach = 0
  for (const p of outline) reach = Math.max(reach, Math.abs(southWestKey(p)))
  return (x, y) => 1 - (DENSITY_GRADIENT * southWestKey([x, y])) / reach
}

/**
 * Street sites in local km, drawn with the density (rejection) and spread by best-candidate sampling so
 * that none start bunched up.
 */
function initialSites(rng: Random, outline: Feature<Polygon>, density: Density): XY[] {
  const maxDensity = 1 + DENSITY_GRADIENT
  const draw = (): XY => {
    for (;;) {
      const candidate = toLocal(randomPointInPolygon(rng, outline))
      if (rng.next() * maxDensity < density(candidate[0], candidate[1])) return candidate
    }
  }
  const sites: XY[] = []
  for (let i = 0; i < CHENGHUA.streetNames.length; i++) {
    let best: XY | undefined
    let bestDistance = -1
    for (let c = 0; c < SEED_CANDIDATES; c++) {
      const candidate = draw()
      let nearest = Infinity
      for (const s of sites) nearest = Math.min(nearest, (s[0] - candidate[0]) ** 2 + (s[1] - candidate[1]) ** 2)
      if (nearest > bestDistance) {
        bestDistance = nearest
        best = candidate
      }
    }
    sites.push(best as XY)
  }
  return sites
}

/**
 * Lloyd's relaxation: move each site to the density-weighted centroid of its cell clipped to the outline.
 * Higher density draws sites closer together, so streets there come out smaller.
 */
function relax(sites: XY[], outline: XY[], density: Density): XY[] {
  const outlinePolygon: Polygon = { type: 'Polygon', coordinates: [closeRing(outline)] }
  let current = sites
  for (let round = 0; round < LLOYD_ROUNDS; round++) {
    const cells = voronoiCells(current, outline)
    current = current.map((site, i) => {
      const centroid = clippedCentroid(outline, cells[i] as XY[], density)
      // The centroid of a crescent-shaped cell can fall outside a concave outline; keep the old site then.
      return centroid !== null && pointInPolygon(centroid[0], centroid[1], outlinePolygon) ? centroid : site
    })
  }
  return current
}

/** Voronoi cells (open rings, local km) in site order, bounded by a box comfortably around the outline. */
function voronoiCells(sites: XY[], outline: XY[]): XY[][] {
  const [minX, minY, maxX, maxY] = pointsBbox(outline)
  const pad = 1
  const cells = voronoi(featureCollection(sites.map((s) => point(s))), { bbox: [minX - pad, minY - pad, maxX + pad, maxY + pad] })
  return sites.map((_, i) => {
    // turf.voronoi leaves a hole in its output for a duplicate site; best-candidate sampling never makes one.
    const ring = cells.features[i]?.geometry.coordinates[0]
    if (ring === undefined) throw new Error(`street site ${i} has no Voronoi cell (duplicate site)`)
    return ring.slice(0, -1).map((p) => [p[0], p[1]] as XY)
  })
}

/**
 * Centroid of `subject ∩ cell` weighted by `density`, or null if empty. Sutherland–Hodgman is exact here
 * because the clip window, a Voronoi cell, is convex; where the result should be several pieces it joins
 * them by zero-area bridges, which add nothing to the mass or the moments. Much faster than turf.intersect
 * once per site per round.
 */
function clippedCentroid(subject: XY[], cell: XY[], density: Density): XY | null {
  const output = clipToConvex(subject, cell)
  // Fan of signed triangles from the origin. For a linear density ρ over a triangle of area A,
  // ∫ρ dA = A·Σρᵢ/3 and ∫ρx dA = A/12·(Σρᵢxᵢ + Σρᵢ·Σxᵢ), exactly; the origin's x and y are 0.
  const rho0 = density(0, 0)
  let mass = 0
  let mx = 0
  let my = 0
  for (let i = 0; i < output.length; i++) {
    const [x1, y1] = output[i] as XY
    const [x2, y2] = output[(i + 1) % output.length] as XY
    const triangle = (x1 * y2 - x2 * y1) / 2
    const rho1 = density(x1, y1)
    const rho2 = density(x2, y2)
    const rhoSum = rho0 + rho1 + rho2
    mass += (triangle * rhoSum) / 3
    mx += (triangle / 12) * (rho1 * x1 + rho2 * x2 + rhoSum * (x1 + x2))
    my += (triangle / 12) * (rho1 * y1 + rho2 * y2 + rhoSum * (y1 + y2))
  }
  if (Math.abs(mass) < 1e-12) return null
  return [mx / mass, my / mass]
}

/** Position along the south-west → north-east axis, in km (scaled by √2, which no caller minds). */
function southWestKey([x, y]: XY): number {
  return x + y
}

function closeRing<T extends Position>(ring: T[]): T[] {
  const first = ring[0] as T
  return [...ring, [first[0], first[1]] as T]
}

/**
 * Rounds a clipped geometry to the output precision, dropping the repeated vertices rounding can create,
 * and unwraps a one-piece MultiPolygon.
 */
function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map((rings) =>
      rings
        .map((ring) => {
          const out: Position[] = []
          for (const p of ring) {
            const q: Position = [round(p[0] as number), round(p[1] as number)]
            const last = out[out.length - 1]
            if (last === undefined || last[0] !== q[0] || last[1] !== q[1]) out.push(q)
          }
          return out
        })
        .filter((ring) => ring.length >= 4),
    )
    .filter((rings) => rings.length > 0)
  const only = polygons[0]
  if (polygons.length === 1 && only !== undefined) return { type: 'Polygon', coordinates: only }
  return { type: 'MultiPolygon', coordinates: polygons }
}

/**
 * Where a Voronoi border crosses the outline, turf.intersect makes a new vertex, which rounding then nudges
 * up to half a centimetre off the outline's edge. Inserting those very vertices into the outline makes the
 * streets' outer borders and the district's border the same vertex chains, so they tile it exactly.
 */
function insertOutlineCrossings(ring: Position[], streets: (Polygon | MultiPolygon)[], known: Set<string>): Position[] {
  const crossings = new Map<string, Position>()
  for (const geometry of streets) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
    for (const rings of polygons) {
      for (const r of rings) {
        for (const p of r) {
          const key = keyOf(p)
          if (!known.has(key)) crossings.set(key, p)
        }
      }
    }
  }
  const byEdge = new Map<number, { t: number; p: Position }[]>()
  for (const p of crossings.values()) {
    const [px, py] = p as XY
    let bestEdge = -1
    let bestDistance = Infinity
    let bestT = 0
    for (let i = 0; i < ring.length - 1; i++) {
      const [ax, ay] = ring[i] as XY
      const [bx, by] = ring[i + 1] as XY
      const dx = bx - ax
      const dy = by - ay
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
      const distance = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2
      if (distance < bestDistance) {
        bestDistance = distance
        bestEdge = i
        bestT = t
      }
    }
    // A vertex polyclip moved inside the district is not a crossing; only ones on the outline are inserted.
    if (bestDistance > ON_OUTLINE_DEG ** 2) continue
    const list = byEdge.get(bestEdge) ?? []
    list.push({ t: bestT, p })
    byEdge.set(bestEdge, list)
  }
  const out: Position[] = []
  for (let i = 0; i < ring.length - 1; i++) {
    out.push(ring[i] as Position)
    const inserted = byEdge.get(i)
    if (inserted !== undefined) for (const { p } of inserted.sort((a, b) => a.t - b.t)) out.push(p)
  }
  out.push(ring[0] as Position)
  return out
}
