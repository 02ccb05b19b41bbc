/**
 * Generates the three lower tiers of the five-tier hierarchy (DESIGN §2.1) inside a district's streets:
 * communities (社区), grids (一般网格) and micro-grids (微网格), each tiling its parent exactly, at the
 * real Chenghua district's counts by default.
 */
import { area } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import type { Level, NodeProps } from '../domain/geo.ts'
import { allocateCounts } from './allocate-counts.ts'
import { communityName } from './community-names.ts'
import { assertHierarchy, type DistrictHierarchy } from './district-hierarchy.ts'
import { lloydRelax } from './lloyd-relax.ts'
import { localFrame, type XY } from './local-frame.ts'
import { randomPointInPolygon } from './random-point-in-polygon.ts'
import { createRandom, type Random } from './seeded-random.ts'
import { voronoiSplit } from './voronoi-split.ts'

export type TierFeature = Feature<Polygon | MultiPolygon, NodeProps>

/** How many nodes each generated tier has in all, across the whole district. */
export interface TierCounts {
  communities: number
  grids: number
  microgrids: number
}

/** The real Chenghua district's published counts (DESIGN §2.1). */
export const CHENGHUA_TIER_COUNTS: Readonly<TierCounts> = Object.freeze({ communities: 83, grids: 995, microgrids: 6283 })

/** A district hierarchy with all five tiers. Each array is in id order, so children follow their parents. */
export interface FullHierarchy extends DistrictHierarchy {
  /** 社区, tiling their street; id = street id + 3 digits (12 digits, like a real village-level code). */
  communities: TierFeature[]
  /** 一般网格, tiling their community; id = community id + 3 digits (15 digits). */
  grids: TierFeature[]
  /** 微网格, tiling their grid; id = grid id + 3 digits (18 digits). */
  microgrids: TierFeature[]
}

/** The fewest children each parent gets, where the total allows it: 3 communities per street, 5 grids per community, 3 micro-grids per grid. */
const MIN_CHILDREN = { community: 3, grid: 5, microgrid: 3 } as const
/** Three-digit child codes. */
const MAX_CHILDREN = 999
const LLOYD_ROUNDS = 2
/** Best-candidate sampling: more candidates spread the initial sites more evenly. */
const SEED_CANDIDATES = 4

/**
 * Generates communities, grids and micro-grids inside `district`'s streets, seeded by `district.seed`.
 *
 * - Each tier's total is shared out over its parents in proportion to their area (largest remainder),
 *   each parent getting at least 3 communities / 5 grids / 3 micro-grids (fewer only if the total cannot
 *   give every parent that many; at least 1).
 * - Inside a parent, seeded points (best-candidate sampling) are relaxed by two rounds of Lloyd and split
 *   by their Voronoi diagram, each cell clipped to the parent (`voronoiSplit`): irregular, city-like
 *   shapes, not a chessboard. A cell meeting a concave parent twice becomes a MultiPolygon.
 * - Children tile their parent exactly: they share their borders vertex for vertex, and along the parent's
 *   border they use its own vertices plus crossings computed on its edges. Those crossings, and corners
 *   within 2 cm of a border, keep full double precision; other coordinates are rounded to 7 decimals.
 * - Ids are the parent's id plus a three-digit sequence (001 …) numbered from the south-west, as streets
 *   are, so ids sort parent-first and a prefix selects a subtree. Names: communities get unique
 *   Chengdu-style names (建设路社区), grids `第N网格`, micro-grids `第N微网格`, N the sequence number.
 * - Same district and counts, byte-identical output. Each parent draws from its own stream
 *   (`fork('grid:<community id>')`), so changing one parent's count does not move another's shapes.
 *
 * @example
 * const h = generateHierarchy(generateDistrict({ seed: 'gridwatch' }))
 * h.communities.length                  // 83
 * h.microgrids.length                   // 6283
 * h.grids[0].properties                 // { id: '510108001001001', name: '第1网格', level: 'grid', parentId: '510108001001' }
 */
/** One generated tier, reported as it completes (generation itself prints nothing: it stays pure). */
export interface TierProgress {
  level: Exclude<Level, 'district' | 'street'>
  count: number
  ms: number
}

export function generateHierarchy(
  district: DistrictHierarchy,
  counts: TierCounts = CHENGHUA_TIER_COUNTS,
  onProgress?: (step: TierProgress) => void,
): FullHierarchy {
  assertHierarchy(district)
  for (const key of ['communities', 'grids', 'microgrids'] as const) {
    const n = counts?.[key]
    if (!Number.isSafeInteger(n) || (n as number) < 1) throw new TypeError(`counts.${key} must be a positive integer`)
  }
  const rng = createRandom(district.seed)
  const names = new Set<string>()
  const timed = (level: TierProgress['level'], make: () => TierFeature[]): TierFeature[] => {
    const started = performance.now()
    const tier = make()
    onProgress?.({ level, count: tier.length, ms: Math.round(performance.now() - started) })
    return tier
  }
  const communities = timed('community', () =>
    generateTier(district.streets, counts.communities, 'community', rng, (streetRng) => communityName(streetRng, names)),
  )
  const grids = timed('grid', () => generateTier(communities, counts.grids, 'grid', rng, (_, n) => `第${n}网格`))
  const microgrids = timed('microgrid', () => generateTier(grids, counts.microgrids, 'microgrid', rng, (_, n) => `第${n}微网格`))
  return { ...district, communities, grids, microgrids }
}

/** The children of every parent, in parent order then child order. */
function generateTier(
  parents: readonly Feature<Polygon | MultiPolygon, NodeProps>[],
  total: number,
  level: Exclude<Level, 'district' | 'street'>,
  rng: Random,
  nameOf: (parentRng: Random, n: number) => string,
): TierFeature[] {
  if (total < parents.length) {
    throw new RangeError(`cannot give each of ${parents.length} parents a ${level}: only ${total} in all`)
  }
  const min = Math.max(1, Math.min(MIN_CHILDREN[level], Math.floor(total / parents.length)))
  const shares = allocateCounts(parents.map((p) => area(p)), total, min)
  const out: TierFeature[] = []
  parents.forEach((parent, i) => {
    const n = shares[i] as number
    const parentId = parent.properties.id
    if (n > MAX_CHILDREN) throw new RangeError(`${parentId} would get ${n} ${level} children; ids allow ${MAX_CHILDREN}`)
    const parentRng = rng.fork(`${level}:${parentId}`)
    const sites = lloydRelax(parent.geometry, initialSites(parentRng.fork('sites'), parent, n), LLOYD_ROUNDS)
    // South-west first, as the streets are numbered.
    const frame = localFrame(parent.geometry)
    const keys = sites.map((s) => {
      const [x, y] = frame.toLocal(s)
      return x + y
    })
    const order = sites.map((_, k) => k).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
    const pieces = voronoiSplit(parent.geometry, order.map((k) => sites[k] as Position))
    const nameRng = parentRng.fork('names')
    pieces.forEach((geometry, k) => {
      if (geometry === null) throw new Error(`${level} ${k + 1} of ${parentId} has an empty cell (generator bug)`)
      const id = `${parentId}${String(k + 1).padStart(3, '0')}`
      out.push({ type: 'Feature', id, properties: { id, name: nameOf(nameRng, k + 1), level, parentId }, geometry })
    })
  })
  return out
}

/** `n` sites inside `parent`, each the best of a few random candidates (furthest from the sites so far). */
function initialSites(rng: Random, parent: Feature<Polygon | MultiPolygon>, n: number): Position[] {
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
