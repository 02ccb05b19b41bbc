import { describe, expect, it } from 'vitest'
import { createLiveness } from './liveness.ts'

describe('liveness', () => {
  it('goes offline only for sensors heard from, once, and comes back', () => {
    const l = createLiveness(1000)
    expect(l.sweep(10_000)).toEqual([])
    expect(l.seen('a', 0)).toBe(false)
    l.seen('b', 500)
    expect(l.sweep(1000)).toEqual([])
    expect(l.sweep(1001)).toEqual([{ id: 'a', lastSeenMs: 0 }])
    expect(l.sweep(5000)).toEqual([{ id: 'b', lastSeenMs: 500 }])
    expect(l.get('a')).toEqual({ lastSeenMs: 0, offline: true })
    expect(l.seen('a', 6000)).toBe(true)
    expect(l.get('a')).toEqual({ lastSeenMs: 6000, offline: false })
    expect(l.drainDirty().map((d) => d.id).sort()).toEqual(['a', 'b'])
    expect(l.drainDirty()).toEqual([])
  })

  it('counts silence from the restart, not from before it', () => {
    const l = createLiveness(1000)
    l.load('a', { lastSeenMs: 0, offline: false }, 50_000)
    expect(l.sweep(50_500)).toEqual([])
    expect(l.sweep(51_001)).toEqual([{ id: 'a', lastSeenMs: 0 }])
  })
})
