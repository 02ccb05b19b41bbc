import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { area, booleanClockwise, booleanIntersects, booleanWithin, centroid } from '@turf/turf'
import Flatbush from 'flatbush'
import type { Feature, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { DEDICATED_KINDS } from '../domain/sites.ts'
import { generateDistrict } from './generate-district.ts'
import { generateHierarchy } from './generate-hierarchy.ts'
import { importBoundaries } from './import-boundaries.ts'
import { CHENGHUA_SITE_COUNTS, generateSites } from './generate-sites.ts'
import { createLocator } from './locate-point.ts'
import { dedicatedKindCounts } from './place-dedicated-grids.ts'
import { polygonBbox } from './polygon-bbox.ts'

/** The server's default seed (GRIDWATCH_SEED), so these figures are the ones the README quotes. */
const SEED = 'chenghua-510108'
/** turf checks over every site and building: a couple of seconds on a slow core. */
const SLOW_MS = 60_000

const h = generateHierarchy(generateDistrict({ seed: SEED }))
const locator = createLocator(h)
const sites = generateSites(h, { seed: SEED, locator })
const byId = new Map([...h.communities, ...h.grids].map((f) => [f.properties.id, f]))
const compoundById = new Map(sites.compounds.map((c) => [c.properties.id, c]))
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

/** Pairs of features (from `a` and `b`, or within `a` when `b` is omitted) whose bounding boxes meet: Flatbush keeps this O(n log n). */
function bboxPairs<A extends Feature<Polygon, { id: string }>, B extends Feature<Polygon, { id: string }>>(a: readonly A[], b?: readonly B[]): [A, A | B][] {
  const others: readonly (A | B)[] = b ?? a
  const index = new Flatbush(others.length)
  for (const f of others) index.add(...polygonBbox(f.geometry))
  index.finish()
  const pairs: [A, A | B][] = []
  a.forEach((f, i) => {
    for (const j of index.search(...polygonBbox(f.geometry))) {
      if (b === undefined && j <= i) continue
      pairs.push([f, others[j] as A | B])
    }
  })
  return pairs
}

describe('generateSites (default seed, real counts)', () => {
  it('has the real district\'s counts, dedicated grids split by kind as documented', () => {
    expect(sites.dedicated).toHaveLength(516)
    expect(sites.compounds).toHaveLength(571)
    // Within ±2 % of 15,800 is the contract; the generator shares out exactly 15,800.
    expect(sites.buildings).toHaveLength(15_800)
    expect(CHENGHUA_SITE_COUNTS).toEqual({ dedicated: 516, compounds: 571, buildings: 15_800 })
    const split = dedicatedKindCounts(516)
    expect(split).toEqual({ school: 182, hospital: 62, market: 92, construction: 78, park: 102 })
    for (const kind of DEDICATED_KINDS) expect(sites.dedicated.filter((d) => d.properties.kind === kind), kind).toHaveLength(split[kind])
  })

  it('gives ids that extend their parent\'s, cannot collide with hierarchy ids, and come in id order', () => {
    for (const [list, pattern] of [
      [sites.dedicated, /^\d{12}D\d{3}$/],
      [sites.compounds, /^\d{15}R\d{2}$/],
      [sites.buildings, /^\d{15}R\d{5}$/],
    ] as const) {
      const ids = list.map((f) => f.properties.id)
      for (const f of list) {
        expect(f.id).toBe(f.properties.id)
        expect(f.properties.id).toMatch(pattern)
      }
      expect(new Set(ids).size).toBe(ids.length)
      expect([...ids].sort()).toEqual(ids)
    }
    for (const d of sites.dedicated) {
      expect(d.properties.id.startsWith(d.properties.communityId)).toBe(true)
      expect(byId.get(d.properties.communityId)?.properties.parentId).toBe(d.properties.streetId)
    }
    for (const c of sites.compounds) {
      expect(c.properties.id.startsWith(c.properties.gridId)).toBe(true)
      expect(byId.get(c.properties.gridId)?.properties.parentId).toBe(c.properties.communityId)
      expect(byId.get(c.properties.communityId)?.properties.parentId).toBe(c.properties.streetId)
    }
    for (const b of sites.buildings) expect(b.properties.id.startsWith(b.properties.compoundId)).toBe(true)
  })

  it('puts every dedicated grid inside its community and every compound inside its grid (turf)', () => {
    for (const d of sites.dedicated) expect(booleanWithin(d, byId.get(d.properties.communityId)!), d.properties.id).toBe(true)
    for (const c of sites.compounds) expect(booleanWithin(c, byId.get(c.properties.gridId)!), c.properties.id).toBe(true)
  }, SLOW_MS)

  it('puts every building inside its compound (turf)', () => {
    for (const b of sites.buildings) expect(booleanWithin(b, compoundById.get(b.properties.compoundId)!), b.properties.id).toBe(true)
  }, SLOW_MS)

  it('overlaps nothing: dedicated grids, compounds and buildings each among themselves, compounds with dedicated grids', () => {
    const cases = [
      ['dedicated', bboxPairs(sites.dedicated)],
      ['compounds', bboxPairs(sites.compounds)],
      ['compounds × dedicated', bboxPairs(sites.compounds, sites.dedicated)],
      ['buildings', bboxPairs(sites.buildings)],
    ] as const
    for (const [what, pairs] of cases) {
      const touching = pairs.filter(([a, b]) => booleanIntersects(a, b)).map(([a, b]) => `${a.properties.id} × ${b.properties.id}`)
      expect(touching, what).toEqual([])
    }
    // The prefilter did find neighbours to test: the checks above are not vacuous.
    expect(bboxPairs(sites.buildings).length).toBeGreaterThan(1000)
  }, SLOW_MS)

  it('gives each building the locator\'s path for its centroid', () => {
    for (const b of sites.buildings) {
      const [lng, lat] = centroid(b).geometry.coordinates as [number, number]
      expect(b.properties.path, b.properties.id).toEqual(locator.locate(lng, lat).path)
      expect(b.properties.path.grid).toBe(compoundById.get(b.properties.compoundId)?.properties.gridId)
    }
  })

  it('draws sizes plausible for each kind', () => {
    const ranges = { school: [1, 4], hospital: [0.3, 5], market: [0.2, 1], construction: [1, 8], park: [2, 30] } as const
    for (const d of sites.dedicated) {
      const [lo, hi] = ranges[d.properties.kind]
      const ha = area(d) / 1e4
      // turf measures on the ellipsoid what the generator drew in a planar frame: 1 % slack.
      expect(ha, d.properties.id).toBeGreaterThan(lo * 0.99)
      expect(ha, d.properties.id).toBeLessThan(hi * 1.01)
    }
    const compoundHa = sites.compounds.map((c) => area(c) / 1e4)
    expect(Math.min(...compoundHa)).toBeGreaterThan(0.2)
    expect(Math.max(...compoundHa)).toBeLessThan(15)
    const footprints = sites.buildings.map((b) => area(b))
    expect(Math.min(...footprints)).toBeGreaterThan(150)
    expect(Math.max(...footprints)).toBeLessThan(1000)
  })

  it('names sites in Chengdu\'s style, each dedicated grid and compound uniquely', () => {
    const suffix = { school: /(小学|中学|学校)$/, hospital: /(社区卫生服务中心|医院)$/, market: /农贸市场$/, construction: /项目工地$/, park: /公园$/ } as const
    for (const d of sites.dedicated) expect(d.properties.name).toMatch(suffix[d.properties.kind])
    for (const c of sites.compounds) expect(c.properties.name).toMatch(/(小区|院落|花园|苑)$/)
    for (const b of sites.buildings) expect(b.properties.name).toMatch(/^\d+(栋|号楼)$/)
    for (const list of [sites.dedicated, sites.compounds]) expect(new Set(list.map((f) => f.properties.name)).size).toBe(list.length)
    expect(sites.dedicated.some((d) => /^成华区第\d+小学$/.test(d.properties.name))).toBe(true)
    expect(sites.dedicated.some((d) => /实验小学$/.test(d.properties.name))).toBe(true)
  })

  it('keeps compound attributes consistent: households add up, old means built before 2000', () => {
    const households = new Map<string, number>()
    for (const b of sites.buildings) households.set(b.properties.compoundId, (households.get(b.properties.compoundId) ?? 0) + b.properties.households)
    for (const c of sites.compounds) {
      const p = c.properties
      expect(p.households, p.id).toBe(households.get(p.id))
      expect(p.old, p.id).toBe(p.builtYear < 2000)
      expect(p.elderlyShare).toBeGreaterThanOrEqual(0)
      expect(p.elderlyShare).toBeLessThanOrEqual(1)
      expect(Number.isInteger(p.builtYear) && p.builtYear >= 1950 && p.builtYear <= 2025).toBe(true)
    }
    for (const b of sites.buildings) {
      const floors = b.properties.floors
      const old = compoundById.get(b.properties.compoundId)!.properties.old
      expect(old ? floors >= 5 && floors <= 7 : floors >= 18 && floors <= 33, b.properties.id).toBe(true)
      expect(b.properties.households).toBeGreaterThan(0)
    }
  })

  it('is plausible: old compounds have older residents and lower buildings, and cluster in the south-west', () => {
    const old = sites.compounds.filter((c) => c.properties.old)
    const fresh = sites.compounds.filter((c) => !c.properties.old)
    expect(old.length / sites.compounds.length).toBeGreaterThan(0.3)
    expect(old.length / sites.compounds.length).toBeLessThan(0.7)
    expect(mean(old.map((c) => c.properties.elderlyShare))).toBeGreaterThan(mean(fresh.map((c) => c.properties.elderlyShare)) + 0.08)
    const floorsOf = (list: typeof old): number => {
      const ids = new Set(list.map((c) => c.properties.id))
      return mean(sites.buildings.filter((b) => ids.has(b.properties.compoundId)).map((b) => b.properties.floors))
    }
    expect(floorsOf(old)).toBeLessThan(floorsOf(fresh) / 2)
    // Streets are numbered from the south-west (next to the city centre): the first three are older than the last three.
    const oldShare = (streets: string[]): number => {
      const inStreets = sites.compounds.filter((c) => streets.includes(c.properties.streetId))
      return inStreets.filter((c) => c.properties.old).length / inStreets.length
    }
    expect(oldShare(['510108001', '510108002', '510108003'])).toBeGreaterThan(oldShare(['510108009', '510108010', '510108011']) + 0.2)
  })

  it('writes RFC 7946 polygons: closed counter-clockwise rings, 7-decimal coordinates', () => {
    const bad: string[] = []
    for (const f of [...sites.dedicated, ...sites.compounds, ...sites.buildings]) {
      const rings = f.geometry.coordinates
      const ring = rings[0]!
      const closed = ring.length >= 5 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]
      const rounded = ring.every(([lng, lat]) => Math.round(lng! * 1e7) / 1e7 === lng && Math.round(lat! * 1e7) / 1e7 === lat)
      if (rings.length !== 1 || !closed || !rounded || booleanClockwise(ring)) bad.push(f.properties.id)
    }
    expect(bad).toEqual([])
  })
})

describe('generateSites determinism and options', () => {
  it('gives byte-identical JSON for the same seed, and a different city for another', () => {
    const again = generateSites(h, { seed: SEED })
    const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex')
    expect(digest(again)).toBe(digest(sites))
    const other = generateSites(h, { seed: 'another-seed' })
    expect(digest(other.dedicated)).not.toBe(digest(sites.dedicated))
    expect(digest(other.compounds)).not.toBe(digest(sites.compounds))
    expect(digest(other.buildings)).not.toBe(digest(sites.buildings))
  }, SLOW_MS)

  it('runs well under a second for the default city', () => {
    generateSites(h, { seed: 'warm-up', locator })
    const started = performance.now()
    generateSites(h, { seed: SEED, locator })
    // About 0.3 s on the development machine; the bound leaves room for a loaded CI runner.
    expect(performance.now() - started).toBeLessThan(2000)
  }, SLOW_MS)

  it('takes other counts', () => {
    const small = generateSites(h, { seed: SEED, counts: { dedicated: 10, compounds: 20, buildings: 300 } })
    expect(small.dedicated).toHaveLength(10)
    expect(small.compounds).toHaveLength(20)
    expect(small.buildings).toHaveLength(300)
    expect(generateSites(h, { seed: SEED, counts: { dedicated: 0, compounds: 0 } })).toEqual({ dedicated: [], compounds: [], buildings: [] })
  })

  it('refuses bad input with a precise message', () => {
    expect(() => generateSites(generateDistrict({ seed: SEED }) as never, { seed: SEED })).toThrow(/FullHierarchy/)
    expect(() => generateSites(h, { seed: '' })).toThrow(/seed/)
    expect(() => generateSites(h, { seed: SEED, counts: { compounds: -1 } })).toThrow('counts.compounds must be an integer >= 0')
    expect(() => generateSites(h, { seed: SEED, counts: { buildings: 1.5 } })).toThrow('counts.buildings must be an integer >= 0')
  })
})

const CHENGHUA_FILE = fileURLToPath(new URL('../../shared/data/boundaries/chenghua-510108.gcj02.geojson', import.meta.url))

describe.skipIf(!existsSync(CHENGHUA_FILE))('generateSites inside the imported real Chenghua outline', () => {
  it('places every site inside a concave outline with MultiPolygon cells', () => {
    const imported = importBoundaries({ district: JSON.parse(readFileSync(CHENGHUA_FILE, 'utf8')), crs: 'gcj02', seed: 'gridwatch' })
    expect(imported.grids.some((g) => g.geometry.type === 'MultiPolygon')).toBe(true)
    const s = generateSites(imported, { seed: 'gridwatch' })
    expect([s.dedicated.length, s.compounds.length, s.buildings.length]).toEqual([516, 571, 15_800])
    const parents = new Map([...imported.communities, ...imported.grids].map((f) => [f.properties.id, f]))
    const outside = [
      ...s.dedicated.filter((d) => !booleanWithin(d, parents.get(d.properties.communityId)!)),
      ...s.compounds.filter((c) => !booleanWithin(c, parents.get(c.properties.gridId)!)),
    ].map((f) => f.properties.id)
    expect(outside).toEqual([])
  }, SLOW_MS)
})
