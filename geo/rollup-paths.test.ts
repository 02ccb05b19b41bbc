import { describe, expect, it } from 'vitest'
import type { Path } from '../domain/event.ts'
import { addPath, type NodeCounts } from './rollup-paths.ts'

const at = (microgrid: string): Path => ({
  district: microgrid.slice(0, 6),
  street: microgrid.slice(0, 9),
  community: microgrid.slice(0, 12),
  grid: microgrid.slice(0, 15),
  microgrid,
})
const outside: Path = { district: null, street: null, community: null, grid: null, microgrid: null }

function rollup(rows: Array<{ path: Path; n: number }>): NodeCounts {
  const counts: NodeCounts = {}
  for (const r of rows) addPath(counts, r.path, r.n)
  return counts
}

describe('addPath', () => {
  it('counts every event once at each tier of its path, so parents are the sum of their children', () => {
    const counts = rollup([
      { path: at('510108001001001001'), n: 2 },
      { path: at('510108001001001002'), n: 1 },
      { path: at('510108001002001001'), n: 4 },
      { path: at('510108002001001001'), n: 5 },
      { path: outside, n: 7 },
    ])
    expect(counts['510108']).toBe(12)
    expect(counts['510108001']).toBe(7)
    expect(counts['510108001001']).toBe(3)
    expect(counts['510108001001001']).toBe(3)
    expect(counts['510108001001001002']).toBe(1)
    expect(counts['510108002']).toBe(5)
    // Outside points have no node to count in.
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(12 * 5)
  })

  it('adds a partial path only where it has ids', () => {
    const counts = addPath({ '510108': 1 }, { ...outside, district: '510108', street: '510108003' })
    expect(counts).toEqual({ '510108': 2, '510108003': 1 })
  })
})
