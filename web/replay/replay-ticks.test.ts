import { describe, expect, it } from 'vitest'
import { histogram, timeTicks } from './replay-ticks.ts'

describe('histogram', () => {
  it('counts events per equal slice of the range, leaving out those outside it', () => {
    expect([...histogram(Float64Array.of(-1, 0, 1, 5, 9, 10), 0, 10, 2)]).toEqual([2, 2])
    expect([...histogram([], 0, 10, 3)]).toEqual([0, 0, 0])
    expect([...histogram([1], 5, 5, 3)]).toEqual([0, 0, 0])
  })
})

describe('timeTicks', () => {
  it('labels whole Chengdu hours, and a midnight by its date', () => {
    const from = Date.parse('2026-11-28T04:00:00Z') // 12:00 in Chengdu
    const ticks = timeTicks(from, from + 86_400_000, 12)
    expect(ticks.map((t) => t.label)).toEqual(['12:00', '14:00', '16:00', '18:00', '20:00', '22:00', '11-29', '02:00', '04:00', '06:00', '08:00', '10:00', '12:00'])
    expect(ticks[6]!.at).toBe(Date.parse('2026-11-28T16:00:00Z'))
  })

  it('picks finer steps for a shorter range, starting on the first whole step', () => {
    const from = Date.parse('2026-11-28T04:07:00Z')
    expect(timeTicks(from, from + 2 * 3_600_000, 10).map((t) => t.label)).toEqual(['12:15', '12:30', '12:45', '13:00', '13:15', '13:30', '13:45', '14:00'])
  })

  it('steps by days over a week', () => {
    const from = Date.parse('2026-11-21T16:00:00Z')
    const ticks = timeTicks(from, from + 7 * 86_400_000, 8)
    expect(ticks.map((t) => t.label)).toEqual(['11-22', '11-23', '11-24', '11-25', '11-26', '11-27', '11-28', '11-29'])
  })

  it('gives nothing for an empty range', () => {
    expect(timeTicks(5, 5)).toEqual([])
  })
})
