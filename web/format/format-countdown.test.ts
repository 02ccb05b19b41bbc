import { describe, expect, it } from 'vitest'
import { clockOf, countdown } from './format-countdown.ts'

describe('countdowns', () => {
  it('formats clocks', () => {
    expect([clockOf(754_000), clockOf(-59_000), clockOf(3_661_000)]).toEqual(['12:34', '00:59', '1:01:01'])
  })

  it('counts down to a deadline, and up once it has passed', () => {
    const now = Date.parse('2026-11-29T10:00:00Z')
    expect(countdown('2026-11-29T10:12:34Z', now)).toEqual({ leftMs: 754_000, clock: '12:34', late: false })
    expect(countdown('2026-11-29T08:55:00Z', now)).toEqual({ leftMs: -3_900_000, clock: '1:05:00', late: true })
  })
})
