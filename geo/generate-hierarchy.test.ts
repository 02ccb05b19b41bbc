import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { area, booleanClockwise } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import type { NodeProps } from '../domain/geo.ts'
import { generateDistrict } from './generate-district.ts'
import { CHENGHUA_TIER_COUNTS, generateHierarchy } from './generate-hierarchy.ts'
import { tilingReport } from './test/tiling-checks.ts'

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'test', 'out')
const GOLDEN_SUBTREE = join(OUT, 'hierarchy-gridwatch-510108001001.geojson')
const GOLDEN_HASH = join(OUT, 'hierarchy-gridwatch.sha256')

/**
 * Overlap and overhang allowed per parent, in m² (summed over its children). Siblings share their borders
 * vertex for vertex, so both measure 0 up to polyclip's float noise (about 1e-6 m² seen); 0.01 m² would
 * still catch the 0.1–1 m² slivers that rounding a crossing off a parent's edge leaves.
 */
const NOISE_M2 = 0.01
/**
 * Σ turf.area(children) against turf.area(parent). turf.area treats an edge as straight in the equal-area
 * (lng, sin lat) plane, while GeoJSON (RFC 7946), polyclip and this generator take it as straight in
 * lng/lat; a crossing placed on a 2 km street border is up to ~4 cm off the other reading, so the turf sums
 * differ by up to ~0.003% (seen). The planar sum, in the lines' own terms, must be exact to float noise.
 */
const AREA_ERROR = 1e-4
const PLANAR_AREA_ERROR = 1e-9
/** Tiling checks run turf.intersect on thousands of pairs: a couple of seconds on a fast core. */
const SLOW_MS = 60_000

type Node = Feature<Polygon | MultiPolygon, NodeProps>
const polygonsOf = (f: Node): Position[][][] => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)

function childrenByParent(children: readonly Node[]): Map<string, Node[]> {
  const map = new Map<string, Node[]>()
  for (const c of children) {
    const key = c.properties.parentId as string
    const list = map.get(key)
    if (list === undefined) map.set(key, [c])
    else list.push(c)
  }
  return map
}

/** Every parent is tiled by its children: areas add up, no sibling overlaps another, none pokes out. */
function expectTiers(tiers: readonly (readonly [Node[], Node[], string])[]): void {
  for (const [parents, children, what] of tiers) {
    const byParent = childrenByParent(children)
    for (const parent of parents) {
      const kids = byParent.get(parent.properties.id) ?? []
      const r = tilingReport(parent.geometry, kids.map((k) => k.geometry))
      const id = `${what} of ${parent.properties.id}`
      expect(r.areaError, id).toBeLessThan(AREA_ERROR)
      expect(r.planarAreaError, id).toBeLessThan(PLANAR_AREA_ERROR)
      expect(r.overlapM2, id).toBeLessThan(NOISE_M2)
      expect(r.overhangM2, id).toBeLessThan(NOISE_M2)
    }
    expect(byParent.size, what).toBe(parents.length)
  }
}

const district = generateDistrict({ seed: 'gridwatch' })
const h = generateHierarchy(district)

describe('generateHierarchy (default seed, real counts)', () => {
  it('has the real district\'s counts, with at least 3 / 5 / 3 children per parent', () => {
    expect(h.communities).toHaveLength(83)
    expect(h.grids).toHaveLength(995)
    expect(h.microgrids).toHaveLength(6283)
    const min = (children: Node[], parents: Node[]): number => {
      const byParent = childrenByParent(children)
      return Math.min(...parents.map((p) => byParent.get(p.properties.id)?.length ?? 0))
    }
    expect(min(h.communities, h.streets)).toBeGreaterThanOrEqual(3)
    expect(min(h.grids, h.communities)).toBeGreaterThanOrEqual(5)
    expect(min(h.microgrids, h.grids)).toBeGreaterThanOrEqual(3)
    // It extends the district hierarchy it was given, unchanged.
    expect(h.district).toBe(district.district)
    expect(h.streets).toBe(district.streets)
    expect(h.seed).toBe('gridwatch')
  })

  it('shares communities out roughly in proportion to street area', () => {
    const byStreet = childrenByParent(h.communities)
    const total = h.streets.reduce((s, f) => s + area(f), 0)
    for (const s of h.streets) {
      const ideal = (83 * area(s)) / total
      const n = byStreet.get(s.properties.id)?.length ?? 0
      expect(n, s.properties.id).toBeLessThanOrEqual(Math.max(3, Math.ceil(ideal)))
      expect(n, s.properties.id).toBeGreaterThanOrEqual(Math.min(3, Math.floor(ideal)))
    }
  })

  it('gives hierarchical, sortable ids and NodeProps on every feature', () => {
    const tiers = [
      [h.streets, h.communities, 'community', 12],
      [h.communities, h.grids, 'grid', 15],
      [h.grids, h.microgrids, 'microgrid', 18],
    ] as const
    for (const [parents, children, level, digits] of tiers) {
      const parentIds = new Set(parents.map((p) => p.properties.id))
      const ids = children.map((c) => c.properties.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect([...ids].sort()).toEqual(ids)
      for (const c of children) {
        expect(Object.keys(c.properties).sort()).toEqual(['id', 'level', 'name', 'parentId'])
        expect(c.id).toBe(c.properties.id)
        expect(c.properties.level).toBe(level)
        expect(c.properties.id).toMatch(new RegExp(`^\\d{${digits}}$`))
        expect(parentIds.has(c.properties.parentId as string)).toBe(true)
        expect(c.properties.id.startsWith(c.properties.parentId as string)).toBe(true)
      }
    }
    expect(h.communities[0]?.properties.id).toBe('510108001001')
    expect(h.grids[0]?.properties).toEqual({ id: '510108001001001', name: '第1网格', level: 'grid', parentId: '510108001001' })
    expect(h.microgrids[0]?.properties).toEqual({
      id: '510108001001001001',
      name: '第1微网格',
      level: 'microgrid',
      parentId: '510108001001001',
    })
  })

  it('names communities …社区 (unique), grids 第N网格 and micro-grids 第N微网格', () => {
    const names = h.communities.map((c) => c.properties.name)
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^[\u4e00-\u9fff]{2,3}社区$/)
    for (const g of h.grids) expect(g.properties.name).toBe(`第${Number(g.properties.id.slice(-3))}网格`)
    for (const m of h.microgrids) expect(m.properties.name).toBe(`第${Number(m.properties.id.slice(-3))}微网格`)
  })

  it('tiles every street with its communities', () => {
    expectTiers([[h.streets, h.communities, 'communities']])
  }, SLOW_MS)

  it('tiles every community with its grids', () => {
    expectTiers([[h.communities, h.grids, 'grids']])
  }, SLOW_MS)

  it('tiles every grid with its micro-grids', () => {
    expectTiers([[h.grids, h.microgrids, 'micro-grids']])
  }, SLOW_MS)

  it('has no tiny fragments or holes, winds rings counter-clockwise, and makes city-like, unequal cells', () => {
    for (const f of [...h.communities, ...h.grids, ...h.microgrids]) {
      for (const rings of polygonsOf(f)) {
        expect(rings, f.properties.id).toHaveLength(1)
        expect(booleanClockwise(rings[0] as Position[]), f.properties.id).toBe(false)
        expect(area({ type: 'Polygon', coordinates: rings }), f.properties.id).toBeGreaterThan(1)
      }
    }
    // Not a chessboard: micro-grid areas vary, and their vertex counts too.
    const areas = h.microgrids.map((m) => area(m))
    const mean = areas.reduce((a, b) => a + b, 0) / areas.length
    const sd = Math.sqrt(areas.reduce((a, b) => a + (b - mean) ** 2, 0) / areas.length)
    expect(sd / mean).toBeGreaterThan(0.1)
    expect(mean).toBeGreaterThan(10_000)
    expect(mean).toBeLessThan(30_000)
  })

  it('is deterministic: the same district gives byte-identical JSON', () => {
    expect(JSON.stringify(generateHierarchy(generateDistrict({ seed: 'gridwatch' })))).toBe(JSON.stringify(h))
  })

  // The default city must not drift: stored events will keep the ids this geometry assigns.
  // After an intended change, regenerate with REGEN=1 and review the diff.
  it('matches the golden files for the default seed (one community\'s subtree, and a hash of everything)', () => {
    const subtree = [...h.communities, ...h.grids, ...h.microgrids].filter((f) => f.properties.id.startsWith('510108001001'))
    const actual = `{"type":"FeatureCollection","features":[\n${subtree.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
    const hash = `${createHash('sha256').update(JSON.stringify(h)).digest('hex')}\n`
    if (process.env.REGEN === '1') {
      mkdirSync(OUT, { recursive: true })
      writeFileSync(GOLDEN_SUBTREE, actual)
      writeFileSync(GOLDEN_HASH, hash)
    } else if (!existsSync(GOLDEN_SUBTREE) || !existsSync(GOLDEN_HASH)) {
      throw new Error(`golden files missing: run with REGEN=1 to create ${GOLDEN_SUBTREE} and ${GOLDEN_HASH}`)
    }
    expect(actual).toBe(readFileSync(GOLDEN_SUBTREE, 'utf8'))
    expect(hash).toBe(readFileSync(GOLDEN_HASH, 'utf8'))
  })
})

describe('generateHierarchy (other seeds and counts)', () => {
  it('tiles every tier for another seed at small counts', () => {
    const small = generateHierarchy(generateDistrict({ seed: 'chenghua-2' }), { communities: 40, grids: 250, microgrids: 900 })
    expect([small.communities.length, small.grids.length, small.microgrids.length]).toEqual([40, 250, 900])
    expectTiers([
      [small.streets, small.communities, 'communities'],
      [small.communities, small.grids, 'grids'],
      [small.grids, small.microgrids, 'micro-grids'],
    ])
  }, SLOW_MS)

  it('lowers the per-parent floor when the total cannot afford it, down to one child each', () => {
    const tight = generateHierarchy(generateDistrict({ seed: 7 }), { communities: 11, grids: 22, microgrids: 22 })
    expect(tight.communities.map((c) => c.properties.parentId)).toEqual(tight.streets.map((s) => s.properties.id))
    expect(tight.grids).toHaveLength(22)
    expect(tight.microgrids).toHaveLength(22)
    for (const c of tight.communities) expect(area(c)).toBeCloseTo(area(tight.streets.find((s) => s.properties.id === c.properties.parentId)!), 0)
  })

  it('gives a different city for a different seed', () => {
    const other = generateHierarchy(generateDistrict({ seed: 'b' }), { communities: 20, grids: 100, microgrids: 300 })
    const again = generateHierarchy(generateDistrict({ seed: 'c' }), { communities: 20, grids: 100, microgrids: 300 })
    expect(JSON.stringify(other.grids[0]?.geometry)).not.toBe(JSON.stringify(again.grids[0]?.geometry))
  })

  it('rejects bad counts and hierarchies with precise messages', () => {
    expect(() => generateHierarchy(district, { communities: 0, grids: 1, microgrids: 1 })).toThrow('counts.communities must be a positive integer')
    expect(() => generateHierarchy(district, { communities: 83, grids: 1.5, microgrids: 1 })).toThrow('counts.grids must be a positive integer')
    expect(() => generateHierarchy(district, { communities: 5, grids: 100, microgrids: 1000 })).toThrow(
      'cannot give each of 11 parents a community: only 5 in all',
    )
    expect(() => generateHierarchy({} as never)).toThrow('hierarchy must have a district Polygon feature and at least one street')
    expect(CHENGHUA_TIER_COUNTS).toEqual({ communities: 83, grids: 995, microgrids: 6283 })
    expect(Object.isFrozen(CHENGHUA_TIER_COUNTS)).toBe(true)
  })
})
