import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createRiskBaseline } from './risk-baseline.ts'

const DAY = 24 * 3_600_000

describe('risk baseline', () => {
  it('starts from the first mean, never scales below the minimum, and follows slowly', () => {
    const b = createRiskBaseline(new Database(':memory:'))
    expect(b.update(0.1, 0)).toBe(6)
    const busy = createRiskBaseline(new Database(':memory:'))
    expect(busy.update(8, -30 * DAY)).toBe(24)
    expect(busy.update(8, 0)).toBe(24)
    // A month old: an afternoon at twice the load moves the scale by a few per cent, a week most of the way.
    expect(busy.update(16, DAY / 4)).toBeLessThan(25)
    expect(busy.update(16, 8 * DAY)).toBeGreaterThan(40)
  })

  it('learns a new district within hours', () => {
    const b = createRiskBaseline(new Database(':memory:'))
    b.update(0, 0)
    // Six hours of a busy district after an empty start: the scale is already well above the minimum.
    let scale = 0
    for (let t = 600_000; t <= 6 * 3_600_000; t += 600_000) scale = b.update(8, t)
    expect(scale).toBeGreaterThan(15)
  })

  it('carries on across a restart', () => {
    const db = new Database(':memory:')
    createRiskBaseline(db).update(8, 0)
    // An hour's time constant at first: a second later, still the stored baseline.
    expect(createRiskBaseline(db).update(30, 1000)).toBeCloseTo(24, 1)
  })
})
