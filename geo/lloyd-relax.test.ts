import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { lloydRelax } from './lloyd-relax.ts'
import { pointInPolygon } from './point-in-polygon.ts'

const rectangle: Polygon = {
  type: 'Polygon',
  coordinates: [[[104, 30.6], [104.02, 30.6], [104.02, 30.61], [104, 30.61], [104, 30.6]]],
}

describe('lloydRelax', () => {
  it('spreads two bunched sites towards the centres of the two halves', () => {
    const [a, b] = lloydRelax(rectangle, [[104.001, 30.605], [104.002, 30.6051]], 30)
    // Within a few metres of the halves' centroids: (104.005, 30.605) and (104.015, 30.605).
    expect(Math.abs((a?.[0] as number) - 104.005)).toBeLessThan(1e-4)
    expect(Math.abs((b?.[0] as number) - 104.015)).toBeLessThan(1e-4)
    expect(Math.abs((a?.[1] as number) - 30.605)).toBeLessThan(1e-4)
  })

  it('keeps every site inside a concave parent and is deterministic', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]].map(([x, y]) => [104 + (x as number) * 0.003, 30.6 + (y as number) * 0.003])],
    }
    const sites = [[104.0015, 30.6075], [104.0075, 30.6075], [104.0045, 30.6015], [104.001, 30.601]]
    const relaxed = lloydRelax(u, sites, 3)
    for (const [lng, lat] of relaxed) expect(pointInPolygon(lng as number, lat as number, u)).toBe(true)
    expect(lloydRelax(u, sites, 3)).toEqual(relaxed)
  })

  it('returns copies unchanged for zero rounds or one site, and rejects a bad round count', () => {
    expect(lloydRelax(rectangle, [[104.001, 30.605]], 3)).toEqual([[104.001, 30.605]])
    expect(lloydRelax(rectangle, [[104.001, 30.605], [104.01, 30.605]], 0)).toEqual([[104.001, 30.605], [104.01, 30.605]])
    expect(() => lloydRelax(rectangle, [[104.001, 30.605]], -1)).toThrow('rounds must be an integer >= 0')
  })
})
