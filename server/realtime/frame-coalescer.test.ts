import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import type { EventsFrame } from '../../domain/socket.ts'
import { FrameCoalescer } from './frame-coalescer.ts'

const ev = (seq: number) => ({ seq }) as StoredEvent

describe('FrameCoalescer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends the first event at once, then at most one frame per interval, each ending with its last seq', () => {
    const frames: Array<[string, EventsFrame, number]> = []
    const c = new FrameCoalescer(250, (room, f) => frames.push([room, f, Date.now()]))
    c.push('a', ev(1))
    vi.advanceTimersByTime(0)
    expect(frames.map(([, f]) => f.events.map((e) => e.seq))).toEqual([[1]])
    for (let s = 2; s <= 10; s++) {
      c.push('a', ev(s))
      vi.advanceTimersByTime(60)
    }
    vi.advanceTimersByTime(500)
    // Pushed at 0, 60, …, 480 ms: frames go at 0, 250 and 500 ms.
    expect(frames.map(([, f]) => f.seq)).toEqual([1, 6, 10])
    expect(frames.flatMap(([, f]) => f.events.map((e) => e.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    for (let i = 1; i < frames.length; i++) expect(frames[i]![2] - frames[i - 1]![2]).toBeGreaterThanOrEqual(250)
  })

  it('keeps rooms apart and reports what is still waiting', () => {
    const frames: string[] = []
    const c = new FrameCoalescer(250, (room) => frames.push(room))
    c.push('a', ev(1))
    vi.advanceTimersByTime(0)
    c.push('a', ev(2))
    c.push('b', ev(3))
    expect(c.firstPendingSeq('a')).toBe(2)
    expect(c.firstPendingSeq('b')).toBe(3)
    expect(c.firstPendingSeq('c')).toBeUndefined()
    c.flushAll()
    expect(frames).toEqual(['a', 'a', 'b'])
    expect(c.firstPendingSeq('a')).toBeUndefined()
  })
})
