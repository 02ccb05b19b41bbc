import { describe, expect, it } from 'vitest'
import { createSimClock, parseSpeed } from './sim-clock.ts'

describe('createSimClock', () => {
  it('runs simulated time `speed` times faster than real time', () => {
    let real = 1_000_000
    const start = new Date('2026-01-15T07:00:00+08:00')
    const clock = createSimClock({ start, speed: 60, realNow: () => real })
    real += 1000
    expect(clock.now().getTime() - start.getTime()).toBe(60_000)
    expect(clock.realDelayUntil(new Date(start.getTime() + 120_000))).toBe(1000)
    expect(clock.realDelayUntil(start)).toBe(0)
  })

  it('never waits at Infinity speed, and its time follows the events played', async () => {
    const start = new Date('2026-01-15T00:00:00Z')
    const clock = createSimClock({ start, speed: Infinity })
    const later = new Date(start.getTime() + 3_600_000)
    expect(clock.realDelayUntil(later)).toBe(0)
    await clock.sleepUntil(later)
    clock.advanceTo(later)
    clock.advanceTo(start)
    expect(clock.now()).toEqual(later)
  })

  it('stops sleeping when aborted', async () => {
    const clock = createSimClock({ speed: 1 })
    const ctl = new AbortController()
    const t = Date.now()
    setTimeout(() => ctl.abort(), 20)
    await clock.sleepUntil(new Date(Date.now() + 60_000), ctl.signal)
    expect(Date.now() - t).toBeLessThan(1000)
  })

  it('parses --speed', () => {
    expect(parseSpeed('60')).toBe(60)
    expect(parseSpeed('x600')).toBe(600)
    expect(parseSpeed('max')).toBe(Infinity)
    expect(() => parseSpeed('0')).toThrow(/positive/)
    expect(() => createSimClock({ speed: -1 })).toThrow(RangeError)
  })
})
