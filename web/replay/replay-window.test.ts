import { describe, expect, it } from 'vitest'
import { eventWindow, fadeMsFor, upperBound } from './replay-window.ts'

describe('upperBound', () => {
  const at = Float64Array.of(10, 20, 20, 30)
  it('counts the events at or before a moment', () => {
    expect([0, 9.9, 10, 19, 20, 25, 30, 99].map((t) => upperBound(at, t))).toEqual([0, 0, 1, 1, 3, 3, 4, 4])
    expect(upperBound(new Float64Array(0), 5)).toBe(0)
  })

  it('agrees with a scan over a long sorted day', () => {
    const day = Float64Array.from({ length: 5000 }, (_, i) => Math.floor(i * 17.3))
    for (const t of [-1, 0, 17, 500, 4321, 86_000, 90_000]) {
      expect(upperBound(day, t)).toBe(day.filter((x) => x <= t).length)
    }
  })
})

describe('fadeMsFor', () => {
  it('keeps a dot about twelve real seconds, within 3 and 180 replayed minutes', () => {
    expect(fadeMsFor(60)).toBe(12 * 60_000)
    expect(fadeMsFor(300)).toBe(60 * 60_000)
    expect(fadeMsFor(10)).toBe(3 * 60_000)
    expect(fadeMsFor(1440)).toBe(180 * 60_000)
  })
})

describe('eventWindow', () => {
  const at = Float64Array.of(0, 50, 90, 100, 200)
  it('is the events in (t - fade, t]', () => {
    expect(eventWindow(at, 100, 60, 10)).toEqual({ start: 1, end: 4 })
    // An event exactly a fade old has faded out.
    expect(eventWindow(at, 100, 50, 10)).toEqual({ start: 2, end: 4 })
    expect(eventWindow(at, 100, 10, 10)).toEqual({ start: 3, end: 4 })
    expect(eventWindow(at, -1, 60, 10)).toEqual({ start: 0, end: 0 })
    expect(eventWindow(at, 500, 60, 10)).toEqual({ start: 5, end: 5 })
  })

  it('keeps only the latest `max`', () => {
    expect(eventWindow(at, 200, 1000, 2)).toEqual({ start: 3, end: 5 })
  })
})
