import { afterEach, describe, expect, it, vi } from 'vitest'
import { LatestByIdCoalescer } from './latest-by-id-coalescer.ts'

describe('LatestByIdCoalescer', () => {
  afterEach(() => vi.useRealTimers())

  it('sends the first change at once, then at most one frame per interval with the latest of each id', () => {
    vi.useFakeTimers()
    const frames: Array<[string, Array<{ id: string; v: number }>]> = []
    const c = new LatestByIdCoalescer<{ id: string; v: number }>(250, (room, items) => frames.push([room, items]), () => Date.now())
    c.push('r', { id: 'a', v: 1 })
    vi.advanceTimersByTime(0)
    expect(frames).toEqual([['r', [{ id: 'a', v: 1 }]]])
    c.push('r', { id: 'a', v: 2 })
    c.push('r', { id: 'b', v: 1 })
    c.push('r', { id: 'a', v: 3 })
    vi.advanceTimersByTime(100)
    expect(frames).toHaveLength(1)
    vi.advanceTimersByTime(150)
    expect(frames[1]).toEqual(['r', [{ id: 'b', v: 1 }, { id: 'a', v: 3 }]])
  })

  it('keeps rooms apart and flushes everything on flushAll', () => {
    vi.useFakeTimers()
    const frames: string[] = []
    const c = new LatestByIdCoalescer<{ id: string }>(250, (room, items) => frames.push(`${room}:${items.map((i) => i.id).join(',')}`))
    c.push('x', { id: '1' })
    c.push('y', { id: '2' })
    c.flushAll()
    expect(frames.sort()).toEqual(['x:1', 'y:2'])
    c.close()
  })
})
