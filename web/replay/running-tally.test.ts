import { describe, expect, it } from 'vitest'
import { createTally, sharesOfMax, topIndexes } from './running-tally.ts'

describe('createTally', () => {
  it('counts each code among the first events, skipping -1', () => {
    const tally = createTally([0, 2, 2, -1, 1], 3)
    expect([...tally.countsTo(0)]).toEqual([0, 0, 0])
    expect([...tally.countsTo(4)]).toEqual([1, 0, 2])
    expect([...tally.countsTo(5)]).toEqual([1, 1, 2])
    expect([...tally.countsTo(99)]).toEqual([1, 1, 2])
  })

  it('agrees with a plain count at every point, across checkpoints', () => {
    const codes = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 11) - 1)
    const tally = createTally(codes, 10, 64)
    for (const end of [0, 1, 63, 64, 65, 500, 999, 1000]) {
      const expected = new Array(10).fill(0)
      for (const c of codes.slice(0, end)) if (c >= 0) expected[c]++
      expect([...tally.countsTo(end)], `end ${end}`).toEqual(expected)
    }
  })

  it('hands out copies, so a caller cannot change the checkpoints', () => {
    const tally = createTally([1, 1], 2, 1)
    tally.countsTo(2)[1] = 99
    expect([...tally.countsTo(2)]).toEqual([0, 2])
  })
})

describe('sharesOfMax', () => {
  it('scales counts to the largest', () => {
    expect(sharesOfMax(Uint32Array.of(2, 4, 0))).toEqual([0.5, 1, 0])
    expect(sharesOfMax([0, 0])).toEqual([0, 0])
  })
})

describe('topIndexes', () => {
  it('ranks the largest counts first, ties by position, without zeros', () => {
    expect(topIndexes(Uint32Array.of(3, 9, 0, 3), 3)).toEqual([1, 0, 3])
    expect(topIndexes([0, 0, 1], 5)).toEqual([2])
    expect(topIndexes([4, 5], 0)).toEqual([])
  })
})
