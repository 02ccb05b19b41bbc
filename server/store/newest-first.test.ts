import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import type { EventQuery } from './event-store.ts'
import { newestFirst } from './newest-first.ts'

/** A store of `n` events (seq 1…n) that pages as the real one does. */
const storeOf = (n: number) => ({
  lastSeq: () => n,
  list: (q: EventQuery) => {
    const out: StoredEvent[] = []
    for (let seq = q.untilSeq ?? n; seq >= 1 && out.length < q.limit; seq--) out.push({ seq } as StoredEvent)
    return out
  },
})

describe('newestFirst', () => {
  it('reads every event back from the newest, across pages', () => {
    const seqs = [...newestFirst(storeOf(12_001), Infinity)].map((e) => e.seq)
    expect(seqs).toHaveLength(12_001)
    expect(seqs[0]).toBe(12_001)
    expect(seqs.at(-1)).toBe(1)
  })

  it('stops at the most it may read, and reads nothing from an empty store', () => {
    expect([...newestFirst(storeOf(9000), 7000)]).toHaveLength(7000)
    expect([...newestFirst(storeOf(0), 10)]).toEqual([])
  })
})
