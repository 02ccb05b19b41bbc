import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { throttleCalls } from './throttle-calls.ts'

describe('throttleCalls', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('calls at once, then once at the end of the gap for everything asked meanwhile', () => {
    const fn = vi.fn()
    const t = throttleCalls(fn, 2_000)
    t.call()
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(500)
    t.call()
    t.call()
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1_499)
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(2)
    // Quiet for longer than the gap: the next one goes at once again.
    vi.advanceTimersByTime(5_000)
    t.call()
    expect(fn).toHaveBeenCalledTimes(3)
  })

  it('calls every time without a gap, and nothing deferred after cancel', () => {
    const fn = vi.fn()
    const free = throttleCalls(fn, 0)
    free.call()
    free.call()
    expect(fn).toHaveBeenCalledTimes(2)

    const other = vi.fn()
    const t = throttleCalls(other, 1_000)
    t.call()
    t.call()
    t.cancel()
    vi.advanceTimersByTime(2_000)
    expect(other).toHaveBeenCalledTimes(1)
  })

  it('without leading, waits a whole gap even after a quiet spell, and folds what comes meanwhile', () => {
    const fn = vi.fn()
    const t = throttleCalls(fn, 2_000, { leading: false })
    t.call()
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_000)
    t.call()
    vi.advanceTimersByTime(999)
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(10_000)
    t.call()
    vi.advanceTimersByTime(1_999)
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(2)
  })
})
