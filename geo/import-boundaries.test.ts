import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { area, booleanClockwise, centroid, distance } from '@turf/turf'
import gcoord from 'gcoord'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import type { NodeProps } from '../domain/geo.ts'
import type { FullHierarchy } from './generate-hierarchy.ts'
import { importBoundaries } from './import-boundaries.ts'
import { tilingReport } from './test/tiling-checks.ts'

/** The real Chenghua outline in GCJ-02 (DESIGN §7); it sits in ../shared beside the repository root. */
const CHENGHUA_FILE = fileURLToPath(new URL('../../shared/data/boundaries/chenghua-510108.gcj02.geojson', import.meta.url))
const present = existsSync(CHENGHUA_FILE)
if (!present) console.warn(`import-boundaries: ${CHENGHUA_FILE} is absent; the tests on the real Chenghua outline are skipped`)

/** As in generate-hierarchy.test.ts: polyclip float noise is ~1e-6 m²; a rounding sliver is 0.1–1 m². */
const NOISE_M2 = 0.01
const AREA_ERROR = 1e-4
const PLANAR_AREA_ERROR = 1e-9
const SLOW_MS = 60_000
const SMALL = { communities: 30, grids: 120, microgrids: 400 } as const

type Node = Feature<Polygon | MultiPolygon, NodeProps>

const readChenghua = (): FeatureCollection<Polygon> => JSON.parse(readFileSync(CHENGHUA_FILE, 'utf8')) as FeatureCollection<Polygon>

/** Every parent is tiled by its children: areas add up, no overlaps, nothing outside; worst figures returned. */
function expectTiles(parents: readonly Node[], children: readonly Node[], what: string): { areaError: number; overlapM2: number; overhangM2: number } {
  const worst = { areaError: 0, overlapM2: 0, overhangM2: 0 }
  const byParent = new Map<string, Node[]>()
  for (const c of children) byParent.set(c.properties.parentId as string, [...(byParent.get(c.properties.parentId as string) ?? []), c])
  expect(byParent.size, what).toBe(parents.length)
  for (const p of parents) {
    const kids = byParent.get(p.properties.id) ?? []
    const r = tilingReport(p.geometry, kids.map((k) => k.geometry))
    const id = `${what} of ${p.properties.id}`
    expect(r.areaError, id).toBeLessThan(AREA_ERROR)
    expect(r.planarAreaError, id).toBeLessThan(PLANAR_AREA_ERROR)
    expect(r.overlapM2, id).toBeLessThan(NOISE_M2)
    expect(r.overhangM2, id).toBeLessThan(NOISE_M2)
    worst.areaError = Math.max(worst.areaError, r.areaError)
    worst.overlapM2 = Math.max(worst.overlapM2, r.overlapM2)
    worst.overhangM2 = Math.max(worst.overhangM2, r.overhangM2)
  }
  return worst
}

function expectAllTiers(h: FullHierarchy): void {
  expectTiles([h.district], h.streets, 'streets')
  expectTiles(h.streets, h.communities, 'communities')
  expectTiles(h.communities, h.grids, 'grids')
  expectTiles(h.grids, h.microgrids, 'micro-grids')
}

describe.skipIf(!present)('importBoundaries on the real Chenghua outline (GCJ-02)', () => {
  const raw = present ? readChenghua() : undefined
  const h = present ? importBoundaries({ district: raw, crs: 'gcj02', seed: 'gridwatch', counts: SMALL }) : undefined

  it('takes the id and name from the DataV properties and keeps all 744 vertices', () => {
    const full = h as FullHierarchy
    expect(full.district.properties).toEqual({ id: '510108', name: '成华区', level: 'district', parentId: null })
    expect(full.district.id).toBe('510108')
    expect(full.seed).toBe('gridwatch')
    expect(full.district.geometry.coordinates).toHaveLength(1)
    expect(full.district.geometry.coordinates[0]).toHaveLength(744)
    expect(booleanClockwise(full.district.geometry.coordinates[0] as Position[])).toBe(false)
  })

  it('moves the outline by the GCJ-02 offset (a few hundred metres), with gcoord', () => {
    const full = h as FullHierarchy
    const input = (raw as FeatureCollection<Polygon>).features[0] as Feature<Polygon>
    const before = input.geometry.coordinates[0]?.[0] as Position
    const after = full.district.geometry.coordinates[0]?.[0] as Position
    const vertexShift = distance(before, after, { units: 'meters' })
    const centroidShift = distance(centroid(input), centroid(full.district), { units: 'meters' })
    expect(vertexShift).toBeGreaterThan(200)
    expect(vertexShift).toBeLessThan(800)
    expect(centroidShift).toBeGreaterThan(200)
    expect(centroidShift).toBeLessThan(800)
    // Exactly gcoord's answer, rounded to 7 decimals.
    const [lng, lat] = gcoord.transform([before[0] as number, before[1] as number], gcoord.GCJ02, gcoord.WGS84)
    expect(after).toEqual([Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7])
    // The real district is about 108 km².
    expect(area(full.district) / 1e6).toBeGreaterThan(100)
    expect(area(full.district) / 1e6).toBeLessThan(115)
  })

  it('generates the requested counts, with hierarchical ids', () => {
    const full = h as FullHierarchy
    expect(full.streets).toHaveLength(11)
    expect(full.communities).toHaveLength(SMALL.communities)
    expect(full.grids).toHaveLength(SMALL.grids)
    expect(full.microgrids).toHaveLength(SMALL.microgrids)
    expect(full.streets.map((s) => s.properties.id)).toEqual(Array.from({ length: 11 }, (_, i) => `510108${String(i + 1).padStart(3, '0')}`))
    expect(full.streets[0]?.properties).toEqual({ id: '510108001', name: '猛追湾街道', level: 'street', parentId: '510108' })
    expect(full.communities[0]?.properties.id).toBe('510108001001')
  })

  it('tiles the real outline with the streets and every tier its parent', () => {
    expectAllTiers(h as FullHierarchy)
  }, SLOW_MS)

  it('is deterministic: same input and seed, same JSON; another seed, other streets', () => {
    const again = importBoundaries({ district: readChenghua(), crs: 'gcj02', seed: 'gridwatch', counts: SMALL })
    expect(JSON.stringify(again)).toBe(JSON.stringify(h))
    const other = importBoundaries({ district: readChenghua(), crs: 'gcj02', seed: 'other', counts: { streets: 5, ...SMALL } })
    expect(other.streets).toHaveLength(5)
    expect(other.streets[0]?.properties.name).toBe('第1街道')
    expectTiles([other.district], other.streets, 'streets')
  })

  it('accepts a single-part MultiPolygon and a bare geometry', () => {
    const input = (raw as FeatureCollection<Polygon>).features[0] as Feature<Polygon>
    const multi: Feature<MultiPolygon> = { ...input, geometry: { type: 'MultiPolygon', coordinates: [input.geometry.coordinates] } }
    const fromMulti = importBoundaries({ district: multi, crs: 'gcj02', seed: 'gridwatch', counts: SMALL })
    expect(fromMulti.district.geometry).toEqual((h as FullHierarchy).district.geometry)
    const bare = importBoundaries({ district: input.geometry, crs: 'gcj02', seed: 'gridwatch', counts: SMALL })
    expect(bare.district.properties).toEqual({ id: '000000', name: '导入区', level: 'district', parentId: null })
  })

  it('keeps given streets (ids, names) and generates only the tiers below them', () => {
    const full = h as FullHierarchy
    // The streets generated above, handed back as a WGS-84 file with ids for four of them.
    const streets: FeatureCollection = {
      type: 'FeatureCollection',
      features: full.streets.slice(0, 4).map((s, i) => ({ type: 'Feature', properties: { id: `S${i}`, name: `街${i}` }, geometry: s.geometry })),
    }
    const district: Feature = { type: 'Feature', properties: { id: 'D1', name: '测试区' }, geometry: full.district.geometry }
    const imported = importBoundaries({ district, streets, crs: 'wgs84', seed: 's', counts: { communities: 12, grids: 40, microgrids: 120 } })
    expect(imported.district.properties.id).toBe('D1')
    expect(imported.streets.map((s) => [s.properties.id, s.properties.name])).toEqual([['S0', '街0'], ['S1', '街1'], ['S2', '街2'], ['S3', '街3']])
    // Used as given, only rounded to 7 decimals (the full-precision crossings move by under 1 cm).
    expect(area(imported.streets[0] as Node) / area(full.streets[0] as Node) - 1).toBeLessThan(1e-6)
    expect(imported.communities).toHaveLength(12)
    expectTiles(imported.streets, imported.communities, 'communities')
    expectTiles(imported.grids, imported.microgrids, 'micro-grids')
    // Without ids, streets are numbered from the district id in file order.
    const unnamed = { ...streets, features: streets.features.map((f) => ({ ...f, properties: {} })) }
    const numbered = importBoundaries({ district, streets: unnamed, crs: 'wgs84', seed: 's', counts: { communities: 12, grids: 40, microgrids: 120 } })
    expect(numbered.streets.map((s) => s.properties.id)).toEqual(['D1001', 'D1002', 'D1003', 'D1004'])
    expect(numbered.streets[0]?.properties.name).toBe('第1街道')
  })

  it('at the default counts (11 / 83 / 995 / 6,283), every tier tiles its parent', () => {
    const started = Date.now()
    const full = importBoundaries({ district: readChenghua(), crs: 'gcj02', seed: 'gridwatch' })
    const ms = Date.now() - started
    expect([full.streets.length, full.communities.length, full.grids.length, full.microgrids.length]).toEqual([11, 83, 995, 6283])
    expectAllTiers(full)
    expect(ms).toBeLessThan(20_000)
  }, SLOW_MS)
})

describe('importBoundaries input checks', () => {
  // A 2 km square near Chenghua, in WGS-84.
  const square = (x0 = 104.1, y0 = 30.66, d = 0.02): Position[] => [
    [x0, y0],
    [x0 + d, y0],
    [x0 + d, y0 + d],
    [x0, y0 + d],
    [x0, y0],
  ]
  const feature = (coordinates: Position[][], properties: Record<string, unknown> = {}): Feature<Polygon> => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates },
  })
  const counts = { streets: 3, communities: 6, grids: 12, microgrids: 24 }
  const run = (district: unknown, extra: Record<string, unknown> = {}): FullHierarchy =>
    importBoundaries({ district, crs: 'wgs84', seed: 1, counts, ...extra } as Parameters<typeof importBoundaries>[0])

  it('imports a small WGS-84 square unchanged and tiles it', () => {
    const h = run(feature([square()], { adcode: 510199, name: '方区' }))
    expect(h.district.properties.id).toBe('510199')
    expect(h.district.geometry.coordinates[0]).toEqual(square().map(([x, y]) => [Math.round((x as number) * 1e7) / 1e7, Math.round((y as number) * 1e7) / 1e7]))
    expect(h.streets).toHaveLength(3)
    expect(h.streets[0]?.properties.name).toBe('第1街道')
    expectAllTiers(h)
  })

  it('converts BD-09 with gcoord and rewinds clockwise rings', () => {
    const clockwise = [...square()].reverse()
    const h = importBoundaries({ district: feature([clockwise]), crs: 'bd09', seed: 1, counts })
    const ring = h.district.geometry.coordinates[0] as Position[]
    expect(booleanClockwise(ring)).toBe(false)
    const [lng, lat] = gcoord.transform([104.1, 30.66], gcoord.BD09, gcoord.WGS84)
    expect(ring[0]).toEqual([Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7])
    expect(distance([104.1, 30.66], ring[0] as Position, { units: 'meters' })).toBeGreaterThan(500)
  })

  it('rejects what is not GeoJSON', () => {
    expect(() => run('{"type":"Feature"}')).toThrow('district is not GeoJSON: expected an object whose type is FeatureCollection, Feature or a geometry (got a string: parse the file with JSON.parse first)')
    expect(() => run({ hello: 1 })).toThrow('district is not GeoJSON: expected an object whose type is FeatureCollection, Feature or a geometry')
    expect(() => run(null)).toThrow('district is not GeoJSON')
    expect(() => run([1, 2])).toThrow('district is not GeoJSON')
    expect(() => run({ type: 'FeatureCollection', features: 3 })).toThrow('district is not GeoJSON: FeatureCollection.features must be an array')
    expect(() => run({ type: 'FeatureCollection', features: [{ type: 'Polygon' }] })).toThrow('district is not GeoJSON: features[0] is not a Feature')
  })

  it('rejects GeoJSON without a polygon, or with several', () => {
    const points = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [104, 30] } }] }
    expect(() => run(points)).toThrow('district GeoJSON has no Polygon or MultiPolygon feature')
    expect(() => run({ type: 'FeatureCollection', features: [] })).toThrow('district GeoJSON has no Polygon or MultiPolygon feature')
    const two = { type: 'FeatureCollection', features: [feature([square()]), feature([square(104.2)])] }
    expect(() => run(two)).toThrow('district GeoJSON has 2 Polygon / MultiPolygon features; expected exactly one (the district outline)')
    const multi = { type: 'MultiPolygon', coordinates: [[square()], [square(104.2)]] }
    expect(() => run(multi)).toThrow('district MultiPolygon has 2 parts; only a Polygon or a single-part MultiPolygon is supported')
  })

  it('rejects a self-intersecting ring', () => {
    const bowtie: Position[] = [
      [104.1, 30.66],
      [104.12, 30.68],
      [104.12, 30.66],
      [104.1, 30.68],
      [104.1, 30.66],
    ]
    expect(() => run(feature([bowtie]))).toThrow('district has a self-intersecting ring: 1 crossing(s), the first at [104.1100000, 30.6700000]')
  })

  it('rejects bad positions and degenerate rings', () => {
    expect(() => run(feature([[[104.1, 30.66], [104.12, 'x'], [104.1, 30.68], [104.1, 30.66]] as Position[]]))).toThrow(
      'district ring 1 position 1 must be [lng, lat] with finite numbers',
    )
    expect(() => run(feature([[[104.1, 30.66], [204.12, 30.66], [104.1, 30.68], [104.1, 30.66]]]))).toThrow(
      'district ring 1 position 1 [204.12, 30.66] is not a longitude/latitude',
    )
    expect(() => run(feature([[[104.1, 30.66], [104.12, 30.66], [104.1, 30.66]]]))).toThrow('district ring 1 must have at least 3 distinct vertices')
  })

  it('rejects an unknown CRS, a bad seed and bad counts', () => {
    expect(() => importBoundaries({ district: feature([square()]), crs: 'epsg3857' as 'wgs84', seed: 1 })).toThrow(
      'crs must be one of wgs84, gcj02, bd09 (got "epsg3857")',
    )
    expect(() => importBoundaries({ district: feature([square()]), crs: undefined as unknown as 'wgs84', seed: 1 })).toThrow(
      'crs must be one of wgs84, gcj02, bd09 (got undefined)',
    )
    expect(() => run(feature([square()]), { seed: '' })).toThrow('seed must be a non-empty string or a finite number')
    expect(() => run(feature([square()]), { counts: { grids: 0 } })).toThrow('counts.grids must be a positive integer (got 0)')
    expect(() => run(feature([square()]), { counts: { streets: 1000 } })).toThrow('counts.streets must be at most 999')
  })

  it('rejects streets that are not inside the district, and duplicate street ids', () => {
    const district = feature([square(104.1, 30.66, 0.04)])
    const inside = feature([square(104.11, 30.67, 0.01)], { id: 'A', name: '甲街道' })
    const outside = feature([square(104.13, 30.67, 0.02)], { id: 'B', name: '乙街道' })
    const ok = run(district, { streets: { type: 'FeatureCollection', features: [inside] } })
    expect(ok.streets.map((s) => s.properties.id)).toEqual(['A'])
    expect(() => run(district, { streets: { type: 'FeatureCollection', features: [inside, outside] } })).toThrow(
      /^street B \(乙街道\) is not inside the district: 50\.\d\d% of it \(\d+ m²\) lies outside$/,
    )
    const far = feature([square(105, 31, 0.01)], { id: 'C' })
    expect(() => run(district, { streets: far })).toThrow(/^street C \(第1街道\) is not inside the district: 100% of it/)
    expect(() => run(district, { streets: { type: 'FeatureCollection', features: [inside, inside] } })).toThrow(
      'streets GeoJSON has two streets with id A; ids must be unique',
    )
    expect(() => run(district, { streets: { type: 'Point', coordinates: [104, 30] } })).toThrow('streets GeoJSON has no Polygon or MultiPolygon feature')
  })
})
