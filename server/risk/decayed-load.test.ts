import { describe, expect, it } from 'vitest'
import { DecayedLoad } from './decayed-load.ts'

const HOUR = 3_600_000

describe('DecayedLoad', () => {
  it('halves a load every half-life, whenever it is read', () => {
    const load = new DecayedLoad(6 * HOUR)
    load.add('a', 8, 0, 0)
    expect(load.at(6 * HOUR).get('a')).toBeCloseTo(4)
    expect(load.at(12 * HOUR).get('a')).toBeCloseTo(2)
  })

  it('weighs an event by when it occurred, and a future time as now', () => {
    const load = new DecayedLoad(HOUR)
    load.add('a', 4, -HOUR, 0)
    load.add('b', 4, HOUR, 0)
    expect(load.at(0).get('a')).toBeCloseTo(2)
    expect(load.at(0).get('b')).toBeCloseTo(4)
  })

  it('adds to a decayed load, and forgets a place once its load is negligible', () => {
    const load = new DecayedLoad(HOUR)
    load.add('a', 2, 0, 0)
    load.add('a', 1, HOUR, HOUR)
    expect(load.at(HOUR).get('a')).toBeCloseTo(2)
    expect(load.at(40 * HOUR).has('a')).toBe(false)
    expect(load.at(HOUR).has('a')).toBe(false)
  })

  it('ignores weightless events', () => {
    const load = new DecayedLoad(HOUR)
    load.add('a', 0, 0, 0)
    expect(load.at(0).size).toBe(0)
  })

  it('stays exact when events keep arriving for many half-lives between readings', () => {
    const load = new DecayedLoad(HOUR)
    for (let h = 0; h <= 100; h++) load.add('a', 1, h * HOUR, h * HOUR)
    // A steady weight an hour with a one-hour half-life settles at 1 + 1/2 + 1/4 + … = 2.
    expect(load.at(100 * HOUR).get('a')).toBeCloseTo(2)
    expect(load.at(101 * HOUR).get('a')).toBeCloseTo(1)
  })

  it('does not grow when the clock steps back', () => {
    const load = new DecayedLoad(HOUR)
    load.add('a', 4, 2 * HOUR, 2 * HOUR)
    expect(load.at(HOUR).get('a')).toBeCloseTo(4)
    expect(load.at(3 * HOUR).get('a')).toBeCloseTo(2)
  })
})
