import { describe, expect, it } from 'vitest'
import { RateForecast } from './risk-forecast.ts'

const HOUR = 3_600_000

describe('RateForecast', () => {
  it('forecasts a steady place at its steady load, and a quiet one at nothing', () => {
    const f = new RateForecast(6 * HOUR)
    // One event of weight 1 an hour for four weeks: the 6 h load settles at 6 / ln 2 ≈ 8.66.
    let load = 0
    const now = 28 * 24 * HOUR
    for (let t = 0; t <= now; t += HOUR) {
      f.add('a', 1, t, t)
      load = load * Math.pow(2, -1 / 6) + 1
    }
    const ahead = f.loads(new Map([['a', load]]), now)
    expect(ahead.get('a')).toBeGreaterThan(0.9 * load)
    expect(ahead.get('a')).toBeLessThan(1.1 * load)
    expect(ahead.has('b')).toBe(false)
  })

  it('lets today’s load fade when nothing came before it, and forecasts a worsening place by its last day', () => {
    const f = new RateForecast(6 * HOUR)
    const now = 10 * 24 * HOUR
    // A burst an hour ago with no history: its share of the daily rate carries it, not its whole load.
    f.add('burst', 12, now - HOUR, now)
    const burst = f.loads(new Map([['burst', 12 * Math.pow(2, -1 / 6)]]), now).get('burst')!
    expect(burst).toBeLessThan(12)
    expect(burst).toBeGreaterThan(1)
    // Ten a day last week, forty in the last day: the forecast follows the last day (which, halving
    // daily, weighs it at about 25 a day), well above what the week alone says.
    for (let h = 24 * 8; h > 24; h--) f.add('rising', 10 / 24, now - h * HOUR, now)
    for (let h = 24; h > 0; h--) f.add('rising', 40 / 24, now - h * HOUR, now)
    const steadyAt = (perDay: number) => (perDay / 24) * (6 / Math.LN2)
    expect(f.loads(new Map(), now).get('rising')).toBeGreaterThan(2 * steadyAt(10))
    expect(f.loads(new Map(), now).get('rising')).toBeLessThan(steadyAt(40))
  })
})
