import type { MultiPolygon, Polygon, Position } from 'geojson'
import { booleanClockwise } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { planarArea, tilingReport } from './test/tiling-checks.ts'
import { voronoiSplit } from './voronoi-split.ts'

/** Unit square scaled to about 300 m and placed near the default district. */
const at = ([x, y]: number[]): Position => [104 + (x as number) * 0.003, 30.6 + (y as number) * 0.003]
const polygon = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings.map((r) => [...r, r[0] as number[]].map(at)) })

/** Overlap, overhang and gap noise allowed, m²: the pieces share vertices, so all measure (close to) 0. */
const NOISE_M2 = 0.01

const square = polygon([[0, 0], [3, 0], [3, 3], [0, 3]])
// A U: the notch between its arms is outside.
const u = polygon([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]])
const withHole = polygon([[0, 0], [3, 0], [3, 3], [0, 3]], [[1.2, 1.2], [1.2, 1.8], [1.8, 1.8], [1.8, 1.2]])

function pieces(parent: Polygon | MultiPolygon, sites: number[][]): (Polygon | MultiPolygon)[] {
  return voronoiSplit(parent, sites.map(at)).map((g) => {
    if (g === null) throw new Error('empty piece')
    return g
  })
}

function expectTiling(parent: Polygon | MultiPolygon, children: (Polygon | MultiPolygon)[]): void {
  const r = tilingReport(parent, children)
  expect(r.planarAreaError).toBeLessThan(1e-12)
  expect(r.areaError).toBeLessThan(1e-6)
  expect(r.overlapM2).toBeLessThan(NOISE_M2)
  expect(r.overhangM2).toBeLessThan(NOISE_M2)
}

/** Each piece's edges: one that is not on the parent's border must appear, reversed, in exactly one sibling. */
function unmatchedEdges(children: (Polygon | MultiPolygon)[]): string[][] {
  const edges = children.map((g) => {
    const set = new Set<string>()
    for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) set.add(`${ring[i]}|${ring[i + 1]}`)
    }
    return set
  })
  return edges.map((set, i) =>
    [...set].filter((e) => {
      const [p, q] = e.split('|')
      return !edges.some((other, j) => j !== i && other.has(`${q}|${p}`))
    }),
  )
}

describe('voronoiSplit', () => {
  it('tiles a square with shared borders, vertex for vertex', () => {
    const parent = square
    const children = pieces(parent, [[0.5, 0.5], [2.4, 0.7], [1.6, 2.2], [0.4, 2.6], [2.7, 2.8]])
    expect(children).toHaveLength(5)
    expectTiling(parent, children)
    // Only edges along the square's border are unshared, and those lie on x or y = 0 or 3.
    for (const list of unmatchedEdges(children)) {
      for (const e of list) {
        const [p, q] = e.split('|').map((s) => s.split(',').map(Number)) as [number[], number[]]
        const onBorder = (c: 0 | 1, v: number): boolean => Math.abs((p[c] as number) - v) < 1e-12 && Math.abs((q[c] as number) - v) < 1e-12
        expect(onBorder(0, 104) || onBorder(0, 104.009) || onBorder(1, 30.6) || onBorder(1, 30.609), e).toBe(true)
      }
    }
  })

  it('gives a cell that meets a concave parent twice a MultiPolygon, largest part first', () => {
    // A site in the notch owns the top of both arms.
    const children = pieces(u, [[1.5, 0.3], [1.5, 2.7]])
    expect(children[0]?.type).toBe('Polygon')
    const top = children[1] as MultiPolygon
    expect(top.type).toBe('MultiPolygon')
    expect(top.coordinates).toHaveLength(2)
    expectTiling(u, children)
  })

  it('keeps holes: a hole inside a cell becomes that piece\'s hole, a hole across cells is shared out', () => {
    const inside = pieces(withHole, [[1.5, 1.5], [0.2, 0.2], [2.8, 2.8]])
    expect(inside[0]?.type).toBe('Polygon')
    expect((inside[0] as Polygon).coordinates).toHaveLength(2)
    expectTiling(withHole, inside)
    const across = pieces(withHole, [[1, 1.5], [2, 1.5]])
    expect(across.every((g) => g.type === 'Polygon' && g.coordinates.length === 1)).toBe(true)
    expectTiling(withHole, across)
  })

  it('splits a MultiPolygon parent and winds exteriors counter-clockwise, holes clockwise', () => {
    const parent: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates, polygon([[4, 0], [6, 0], [6, 2], [4, 2]]).coordinates],
    }
    const children = pieces(parent, [[1, 1], [2.5, 2], [5, 1]])
    expectTiling(parent, children)
    for (const g of [...children, ...pieces(withHole, [[1.5, 1.5], [0.2, 0.2]])]) {
      for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
        rings.forEach((ring, i) => expect(booleanClockwise(ring)).toBe(i > 0))
      }
    }
  })

  it('accepts a clockwise parent and returns the whole parent for one site', () => {
    const clockwise: Polygon = { type: 'Polygon', coordinates: [[...(square.coordinates[0] as Position[])].reverse()] }
    expectTiling(clockwise, pieces(clockwise, [[0.5, 0.5], [2, 2]]))
    const [only] = pieces(square, [[1, 1]])
    expect(only).toEqual(square)
    expect(planarArea(only as Polygon)).toBeCloseTo(planarArea(square), 15)
  })

  it('gives null to a site whose cell misses the parent', () => {
    const result = voronoiSplit(square, [[0.5, 0.5], [2.5, 2.5], [30, 30]].map(at))
    expect(result[2]).toBeNull()
  })

  it('rounds Voronoi corners to 7 decimals but never the crossings on the parent\'s border', () => {
    const children = pieces(square, [[0.5, 0.5], [2.4, 0.7], [1.6, 2.2]])
    const decimals = (v: number): boolean => Math.round(v * 1e7) / 1e7 === v
    let interior = 0
    for (const g of children) {
      for (const p of (g as Polygon).coordinates[0] as Position[]) {
        const [x, y] = p as [number, number]
        const onBorder = x === 104 || x === 104.009 || y === 30.6 || y === 30.609
        if (!onBorder) {
          interior++
          expect(decimals(x) && decimals(y), String(p)).toBe(true)
        }
      }
    }
    expect(interior).toBeGreaterThan(0)
  })

  it('is deterministic', () => {
    const sites = [[0.5, 0.5], [2.4, 0.7], [1.6, 2.2], [0.4, 2.6]]
    expect(JSON.stringify(pieces(u, sites))).toBe(JSON.stringify(pieces(u, sites)))
  })

  it('rejects bad input with a precise message', () => {
    expect(() => voronoiSplit({ type: 'Point', coordinates: [0, 0] } as unknown as Polygon, [[0, 0]])).toThrow(
      'parent must be a GeoJSON Polygon or MultiPolygon',
    )
    expect(() => voronoiSplit(square, [])).toThrow('sites must be a non-empty array')
    expect(() => voronoiSplit(square, [[Number.NaN, 0], [1, 1]])).toThrow('sites must be [lng, lat] positions')
    expect(() => voronoiSplit(square, [at([1, 1]), at([1, 1]), at([2, 2])])).toThrow('duplicate site')
  })
})
