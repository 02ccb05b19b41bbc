import { describe, expect, it } from 'vitest'
import { rankStreets } from './rank-streets.ts'

const streets = [
  { id: 'a', name: '甲街道' },
  { id: 'b', name: '乙街道' },
  { id: 'c', name: '丙街道' },
]

describe('rankStreets', () => {
  it('ranks busiest first with shares of the top count, ignoring nodes that are not streets', () => {
    const ranks = rankStreets({ d: 9, b: 2, c: 1, zzz: 6 }, streets)
    expect(ranks).toEqual([
      { id: 'b', name: '乙街道', count: 2, share: 1 },
      { id: 'c', name: '丙街道', count: 1, share: 0.5 },
      { id: 'a', name: '甲街道', count: 0, share: 0 },
    ])
  })

  it('keeps the streets order on ties and with no events', () => {
    expect(rankStreets({}, streets).map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(rankStreets({}, streets).every((r) => r.share === 0)).toBe(true)
  })
})
