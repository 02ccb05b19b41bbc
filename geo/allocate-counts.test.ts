import { describe, expect, it } from 'vitest'
import { allocateCounts } from './allocate-counts.ts'

describe('allocateCounts', () => {
  it('shares a total in proportion to the weights', () => {
    expect(allocateCounts([1, 1, 2], 8, 1)).toEqual([2, 2, 4])
    expect(allocateCounts([3, 1], 4, 0)).toEqual([3, 1])
  })

  it('gives every parent at least min and still sums to the total', () => {
    expect(allocateCounts([100, 1], 6, 3)).toEqual([3, 3])
    const counts = allocateCounts([50, 1, 1, 1, 30, 2], 40, 3)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40)
    expect(Math.min(...counts)).toBe(3)
    expect(counts[0]).toBeGreaterThan(counts[4] as number)
  })

  it('hits the real district totals exactly, no share above the floor more than its ideal rounded up', () => {
    const weights = Array.from({ length: 83 }, (_, i) => 1 + ((i * 37) % 11))
    const counts = allocateCounts(weights, 995, 5)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(995)
    const sum = weights.reduce((a, b) => a + b, 0)
    counts.forEach((c, i) => {
      const ideal = (995 * (weights[i] as number)) / sum
      expect(c).toBeGreaterThanOrEqual(5)
      if (c > 5) expect(c).toBeLessThanOrEqual(Math.ceil(ideal))
    })
  })

  it('rejects impossible or malformed input with a precise message', () => {
    expect(() => allocateCounts([1, 1], 5, 3)).toThrow('cannot give 2 parents at least 3 each from a total of 5')
    expect(() => allocateCounts([], 5, 1)).toThrow('weights must be a non-empty array')
    expect(() => allocateCounts([1, 0], 5, 1)).toThrow('weights must be finite numbers > 0')
    expect(() => allocateCounts([1], 2.5, 1)).toThrow('total and min must be integers, min >= 0')
  })
})
