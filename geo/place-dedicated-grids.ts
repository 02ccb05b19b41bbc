/**
 * Places the dedicated grids (专属网格, DESIGN §2.1): schools, hospitals, markets, construction sites and
 * parks, each a convex outline of a size plausible for its kind, inside one community and clear of every
 * other dedicated grid.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { DEDICATED_KINDS, type DedicatedKind } from '../domain/sites.ts'
import type { NodeProps } from '../domain/geo.ts'
import { allocateCounts } from './allocate-counts.ts'
import { convexOverlap } from './convex-overlap.ts'
import type { XY } from './local-frame.ts'
import { randomPointInPolygon } from './random-point-in-polygon.ts'
import { ringInsidePolygon } from './ring-inside-polygon.ts'
import { signedArea } from './planar-ring.ts'
import type { Random } from './seeded-random.ts'
import type { SiteFrame } from './site-frame.ts'
import { boxRing, cutCornerRing, ellipseRing, scaleRing, type OrientedBox } from './site-shapes.ts'

interface KindSpec {
  /** How many of the real district's 516 are of this kind; other totals are split in the same proportion. */
  share: number
  /** Area range in hectares. */
  ha: [number, number]
  /** Skew of the draw: min·(max/min)^(u^skew) for u uniform; 1 is log-uniform, more favours small ones. */
  skew: number
  /** Long side over short side. */
  aspect: [number, number]
  shape: 'box' | 'cut' | 'ellipse'
  /** Relative likelihood of a community at position t (0 south-west … 1 north-east) getting one. */
  weight(t: number): number
}

/**
 * The documented split of the 516 (182 + 62 + 92 + 78 + 102), in placement order: the big ones first,
 * while communities still have room.
 *
 * - Parks 2–30 ha (most under 8), organic outlines, anywhere.
 * - Construction sites 1–8 ha (most under 4), mostly in the north-east, where the district is still being built.
 * - Schools (primary and middle) 1–4 ha, a playground's proportions, anywhere.
 * - Hospitals 0.3–5 ha: under 1 ha a community health service centre (社区卫生服务中心), above it a
 *   hospital; commoner in the older south-west.
 * - Farmers' markets (农贸市场) 0.2–1 ha, commoner in the denser south-west.
 */
export const DEDICATED_KIND_SPECS: Readonly<Record<DedicatedKind, KindSpec>> = {
  park: { share: 102, ha: [2, 30], skew: 2, aspect: [1, 2.2], shape: 'ellipse', weight: () => 1 },
  construction: { share: 78, ha: [1, 8], skew: 1.5, aspect: [1, 2.5], shape: 'box', weight: (t) => 0.3 + 1.5 * t },
  school: { share: 182, ha: [1, 4], skew: 1.3, aspect: [1.1, 1.8], shape: 'box', weight: () => 1 },
  hospital: { share: 62, ha: [0.3, 5], skew: 1, aspect: [1, 1.8], shape: 'cut', weight: (t) => 1.3 - 0.6 * t },
  market: { share: 92, ha: [0.2, 1], skew: 1, aspect: [1, 2], shape: 'box', weight: (t) => 1.5 - 1 * t },
}

/** Clearance kept around every dedicated grid (km): a fence and a road. */
export const DEDICATED_MARGIN_KM = 0.006
const TRIES_PER_COMMUNITY = 24
/** After this many misses in one community the outline shrinks a little on each further try. */
const SHRINK_AFTER = 12
const SHRINK = 0.94
const COMMUNITIES_TO_TRY = 8

export interface PlacedDedicated {
  kind: DedicatedKind
  /** Index into the communities array. */
  community: number
  /** Counter-clockwise, km. */
  outline: XY[]
  /** The outline grown by the margin: nothing else may enter it. */
  envelope: XY[]
  areaHa: number
}

/**
 * How many of each kind for a total: the documented split, scaled by largest remainder.
 * @example dedicatedKindCounts(516) // { school: 182, hospital: 62, market: 92, construction: 78, park: 102 }
 */
export function dedicatedKindCounts(total: number): Record<DedicatedKind, number> {
  const shares = allocateCounts(DEDICATED_KINDS.map((k) => DEDICATED_KIND_SPECS[k].share), total, 0)
  return Object.fromEntries(DEDICATED_KINDS.map((k, i) => [k, shares[i] as number])) as Record<DedicatedKind, number>
}

/**
 * Places `total` dedicated grids in `communities`, in placement order (parks first). A site that finds no
 * room in any of the communities it tries is left out, so the result has fewer only where the district
 * is too small for the counts asked (never for the default city: its tests pin 516).
 *
 * @example
 * const placed = placeDedicatedGrids(h.communities, siteFrame(h.district.geometry), rng.fork('dedicated'), 516)
 * placed.filter((d) => d.kind === 'school').length // 182
 */
export function placeDedicatedGrids(
  communities: readonly Feature<Polygon | MultiPolygon, NodeProps>[],
  frame: SiteFrame,
  rng: Random,
  total: number,
): PlacedDedicated[] {
  const counts = dedicatedKindCounts(total)
  const positions = communities.map((c) => frame.southWestToNorthEast(frame.centerOf(c.geometry)))
  const areas = communities.map((c) => frame.areaKm2(c.geometry))
  const byCommunity: XY[][][] = communities.map(() => [])
  const taken = communities.map(() => 0)
  const placed: PlacedDedicated[] = []
  for (const kind of Object.keys(DEDICATED_KIND_SPECS) as DedicatedKind[]) {
    const spec = DEDICATED_KIND_SPECS[kind]
    const kindRng = rng.fork(kind)
    const [lo, hi] = spec.ha
    const sizes = Array.from({ length: counts[kind] }, () => lo * (hi / lo) ** (kindRng.next() ** spec.skew)).sort((a, b) => b - a)
    for (const ha of sizes) {
      // Crowded communities get fewer: spreads the sites out, as planners do.
      const weights = communities.map((_, i) => ({ value: i, weight: ((areas[i] as number) * spec.weight(positions[i] as number)) / (1 + (taken[i] as number)) }))
      for (let attempt = 0; attempt < COMMUNITIES_TO_TRY; attempt++) {
        const c = kindRng.weighted(weights)
        const site = tryPlace(kindRng, frame, spec, ha, communities[c] as Feature<Polygon | MultiPolygon>, byCommunity[c] as XY[][])
        if (site) {
          ;(byCommunity[c] as XY[][]).push(site.envelope)
          taken[c] = (taken[c] as number) + 1
          placed.push({ kind, community: c, ...site })
          break
        }
      }
    }
  }
  return placed
}

function tryPlace(
  rng: Random,
  frame: SiteFrame,
  spec: KindSpec,
  ha: number,
  community: Feature<Polygon | MultiPolygon>,
  neighbours: readonly XY[][],
): { outline: XY[]; envelope: XY[]; areaHa: number } | null {
  let areaHa = ha
  for (let t = 0; t < TRIES_PER_COMMUNITY; t++) {
    if (t >= SHRINK_AFTER) areaHa = Math.max(spec.ha[0], areaHa * SHRINK)
    const center = frame.toLocal(randomPointInPolygon(rng, community))
    const aspect = rng.range(spec.aspect[0], spec.aspect[1])
    const angle = rng.next() * Math.PI
    const areaKm2 = areaHa / 100
    let outline: XY[]
    let envelope: XY[]
    if (spec.shape === 'ellipse') {
      const halfV = Math.sqrt(areaKm2 / (Math.PI * aspect))
      const inscribed = ellipseRing(rng, center, aspect * halfV, halfV, angle, rng.int(7, 12))
      // An inscribed polygon falls short of its ellipse's area: scaled back up to the size drawn.
      const k = Math.sqrt(areaKm2 / signedArea(inscribed))
      outline = scaleRing(inscribed, center, 1, k - 1)
      envelope = scaleRing(outline, center, 0.75 * k * halfV, DEDICATED_MARGIN_KM)
    } else {
      const halfV = Math.sqrt(areaKm2 / (4 * aspect))
      let box: OrientedBox = { center, halfU: aspect * halfV, halfV, angle }
      outline = boxRing(box)
      if (spec.shape === 'cut') {
        // Cut corners take up to a twentieth off: the whole outline is scaled back up to the size drawn.
        const cut = cutCornerRing(rng, box, halfV / 3, 0.5)
        const k = Math.sqrt(areaKm2 / signedArea(cut))
        outline = scaleRing(cut, center, 1, k - 1)
        box = { ...box, halfU: box.halfU * k, halfV: box.halfV * k }
      }
      envelope = boxRing(box, DEDICATED_MARGIN_KM)
    }
    if (neighbours.some((other) => convexOverlap(envelope, other))) continue
    if (!ringInsidePolygon(frame.toLngLatRing(envelope), community.geometry)) continue
    return { outline, envelope, areaHa }
  }
  return null
}
