import { describe, expect, it } from 'vitest'
import { makeEvent } from '../testing/event-fixture.ts'
import { rankStreets } from './rank-streets.ts'

const streets = [
  { id: 'a', name: '甲街道' },
  { id: 'b', name: '乙街道' },
  { id: 'c', name: '丙街道' },
]
const at = (seq: number, street: string | null) =>
  makeEvent(seq, { path: { district: 'd', street, community: null, grid: null, microgrid: null } })

describe('rankStreets', () => {
  it('ranks busiest first with shares of the top count', () => {
    const ranks = rankStreets([at(1, 'b'), at(2, 'b'), at(3, 'c'), at(4, null), at(5, 'zzz')], streets)
    expect(ranks).toEqual([
      { id: 'b', name: '乙街道', count: 2, share: 1 },
      { id: 'c', name: '丙街道', count: 1, share: 0.5 },
      { id: 'a', name: '甲街道', count: 0, share: 0 },
    ])
  })

  it('keeps the streets order on ties and with no events', () => {
    expect(rankStreets([], streets).map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(rankStreets([], streets).every((r) => r.share === 0)).toBe(true)
  })
})
