/**
 * Generates the sites below and beside the five tiers (DESIGN §2.1) at the real Chenghua district's
 * counts: 516 dedicated grids (专属网格), 571 residential compounds (小区/院落) and about 15,800 building
 * units (楼栋), seeded, inside the hierarchy they are given.
 */
import type { Feature, Polygon, Position } from 'geojson'
import type { NodeProps } from '../domain/geo.ts'
import type { BuildingProps, CompoundProps, DedicatedProps } from '../domain/sites.ts'
import { allocateCounts } from './allocate-counts.ts'
import type { FullHierarchy, TierFeature } from './generate-hierarchy.ts'
import { assertSeed } from './guards.ts'
import type { XY } from './local-frame.ts'
import { createLocator, type Locator } from './locate-point.ts'
import { placeBuildings } from './place-buildings.ts'
import { placeCompounds, type PlacedCompound } from './place-compounds.ts'
import { placeDedicatedGrids } from './place-dedicated-grids.ts'
import { createRandom } from './seeded-random.ts'
import { siteFrame } from './site-frame.ts'
import { buildingName, createSiteNamer } from './site-names.ts'

/** How many of each site the district gets. */
export interface SiteCounts {
  dedicated: number
  compounds: number
  /** Building units across all compounds. */
  buildings: number
}

/** The real Chenghua district's published counts (DESIGN §2.1). */
export const CHENGHUA_SITE_COUNTS: Readonly<SiteCounts> = Object.freeze({ dedicated: 516, compounds: 571, buildings: 15_800 })

export interface GenerateSitesOptions {
  /** Same hierarchy and seed, byte-identical output (on the same Node major). */
  seed: string
  counts?: Partial<SiteCounts>
  /** A locator already built over `h` (the server has one); built here when absent. */
  locator?: Locator
}

export interface Sites {
  /** In id order: community id + `D` + three digits. */
  dedicated: Feature<Polygon, DedicatedProps>[]
  /** In id order: grid id + `R` + two digits. */
  compounds: Feature<Polygon, CompoundProps>[]
  /** In id order: compound id + three digits. */
  buildings: Feature<Polygon, BuildingProps>[]
}

/**
 * Generates dedicated grids, compounds and buildings inside `h`.
 *
 * - **Dedicated grids**: the documented split of kinds (`DEDICATED_KIND_SPECS`: 182 schools, 62
 *   hospitals, 92 markets, 78 construction sites, 102 parks), each inside one community with a 6 m margin
 *   no other site enters; sizes and shapes by kind.
 * - **Compounds**: each inside one grid, clear of the dedicated grids and of each other (a 5 m margin each).
 *   Pre-2000 (`old`) compounds dominate the south-west, next to the city centre, and have older
 *   residents; new ones the north-east.
 * - **Buildings**: slabs or towers on each compound's site plan, `buildings` in all (exactly, unless a
 *   district too small for the counts leaves compounds out; every compound gets at least one), shared in
 *   proportion to the compounds' plans.
 *   `path` is the locator's answer for the mean of the four corners (what turf.centroid computes).
 * - Coordinates are rounded to 7 decimals (about 1 cm); rings closed and counter-clockwise.
 *
 * Everything is drawn from forks of the seed, in a fixed order, so the same `h` and seed give
 * byte-identical `JSON.stringify` output. A site that finds no room is left out rather than forced in, so an
 * imported district much smaller than Chenghua gets fewer than it asked for; the default city gets them all.
 *
 * @example
 * const h = generateHierarchy(generateDistrict({ seed: 'gridwatch' }))
 * const sites = generateSites(h, { seed: 'gridwatch' })
 * sites.dedicated.length // 516
 * sites.compounds[0].properties // { id: '510108001001001R01', name: '建设路42号院落', gridId: '510108001001001', … }
 */
export function generateSites(h: FullHierarchy, options: GenerateSitesOptions): Sites {
  if (!Array.isArray(h?.communities) || !Array.isArray(h.grids) || !Array.isArray(h.microgrids) || h.district?.geometry === undefined) {
    throw new TypeError('h must be a FullHierarchy with communities, grids and micro-grids')
  }
  assertSeed(options?.seed)
  const counts: SiteCounts = { ...CHENGHUA_SITE_COUNTS, ...options.counts }
  for (const key of ['dedicated', 'compounds', 'buildings'] as const) {
    if (!Number.isSafeInteger(counts[key]) || counts[key] < 0) throw new TypeError(`counts.${key} must be an integer >= 0`)
  }
  const rng = createRandom(options.seed).fork('sites')
  const frame = siteFrame(h.district.geometry)
  const communityIndex = new Map(h.communities.map((c, i) => [c.properties.id, i]))
  const communityOfGrid = h.grids.map((g) => {
    const i = communityIndex.get(g.properties.parentId ?? '')
    if (i === undefined) throw new TypeError(`grid ${g.properties.id} has no community ${g.properties.parentId} in h`)
    return i
  })
  const community = (i: number): NodeProps => (h.communities[i] as TierFeature).properties
  const namer = createSiteNamer(rng.fork('names'))
  const polygon = (outline: readonly XY[]): Polygon => ({ type: 'Polygon', coordinates: [frame.toRing(outline)] })

  // Dedicated grids, numbered within their community from the south-west.
  const placedDedicated = counts.dedicated > 0 && h.communities.length > 0 ? placeDedicatedGrids(h.communities, frame, rng.fork('dedicated'), counts.dedicated) : []
  const dedicatedByCommunity = groupBy(h.communities.length, placedDedicated, (d) => d.community)
  const dedicated: Feature<Polygon, DedicatedProps>[] = []
  dedicatedByCommunity.forEach((list, c) => {
    const { id: communityId, name, parentId } = community(c)
    southWestFirst(list).forEach((d, k) => {
      const id = `${communityId}D${String(k + 1).padStart(3, '0')}`
      const properties: DedicatedProps = { id, name: namer.dedicated(d.kind, name, d.areaHa), kind: d.kind, communityId, streetId: parentId ?? '' }
      dedicated.push({ type: 'Feature', id, properties, geometry: polygon(d.outline) })
    })
  })

  // Compounds, numbered within their grid from the south-west.
  const envelopes = dedicatedByCommunity.map((list) => list.map((d) => d.envelope))
  const placedCompounds = counts.compounds > 0 && h.grids.length > 0 ? placeCompounds(h.grids, communityOfGrid, frame, rng.fork('compounds'), counts.compounds, counts.buildings, envelopes) : []
  const numbered: { id: string; grid: number; compound: PlacedCompound }[] = []
  groupBy(h.grids.length, placedCompounds, (c) => c.grid).forEach((list, g) => {
    const gridId = (h.grids[g] as TierFeature).properties.id
    if (list.length > 99) throw new RangeError(`grid ${gridId} would get ${list.length} compounds; ids allow 99`)
    southWestFirst(list).forEach((compound, k) => numbered.push({ id: `${gridId}R${String(k + 1).padStart(2, '0')}`, grid: g, compound }))
  })

  // Buildings: the total shared over the compounds in proportion to their plans' slots, at least one each.
  const slots = numbered.map(({ compound }) => compound.layout.rows * compound.layout.cols)
  const totalSlots = slots.reduce((a, b) => a + b, 0)
  const perCompound = numbered.length === 0 ? [] : allocateCounts(slots, Math.max(numbered.length, Math.min(counts.buildings, totalSlots)), 1)
  const locator = options.locator ?? createLocator(h)
  const buildingRng = rng.fork('buildings')
  const compounds: Feature<Polygon, CompoundProps>[] = []
  const buildings: Feature<Polygon, BuildingProps>[] = []
  numbered.forEach(({ id, grid, compound }, k) => {
    const style = compound.old || buildingRng.next() < 0.7 ? '栋' : '号楼'
    let households = 0
    placeBuildings(buildingRng, compound, perCompound[k] as number).forEach((b, n) => {
      const buildingId = `${id}${String(n + 1).padStart(3, '0')}`
      const geometry = polygon(b.outline)
      const [lng, lat] = cornerMean(geometry.coordinates[0] as Position[])
      households += b.households
      buildings.push({
        type: 'Feature',
        id: buildingId,
        properties: { id: buildingId, name: buildingName(n + 1, style), compoundId: id, floors: b.floors, households: b.households, path: locator.locate(lng, lat).path },
        geometry,
      })
    })
    const c = community(communityOfGrid[grid] as number)
    const properties: CompoundProps = {
      id, name: namer.compound(compound.old, c.name), gridId: (h.grids[grid] as TierFeature).properties.id, communityId: c.id, streetId: c.parentId ?? '',
      builtYear: compound.builtYear, old: compound.old, households, elderlyShare: compound.elderlyShare,
    }
    compounds.push({ type: 'Feature', id, properties, geometry: polygon(compound.outline) })
  })
  return { dedicated: dedicated.sort(byId), compounds: compounds.sort(byId), buildings: buildings.sort(byId) }
}

/** `items` in `n` lists by the index `key` gives each. */
function groupBy<T>(n: number, items: readonly T[], key: (item: T) => number): T[][] {
  const groups: T[][] = Array.from({ length: n }, () => [])
  for (const item of items) groups[key(item)]?.push(item)
  return groups
}

/** Sites in the order they are numbered: south-west first, as the tiers are. */
function southWestFirst<T extends { outline: XY[] }>(items: readonly T[]): T[] {
  const key = items.map(({ outline }) => outline.reduce((s, [x, y]) => s + x + y, 0) / outline.length)
  return items.map((_, i) => i).sort((a, b) => (key[a] as number) - (key[b] as number) || a - b).map((i) => items[i] as T)
}

/**
 * The mean of a closed ring's corners (its last, repeated position left out), summed in ring order and
 * divided once, exactly as turf.centroid computes it, so anyone can check a building's path.
 */
function cornerMean(ring: readonly Position[]): [number, number] {
  let x = 0
  let y = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    x += (ring[i] as Position)[0] as number
    y += (ring[i] as Position)[1] as number
  }
  return [x / (ring.length - 1), y / (ring.length - 1)]
}

function byId(a: Feature<Polygon, { id: string }>, b: Feature<Polygon, { id: string }>): number {
  return a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0
}
