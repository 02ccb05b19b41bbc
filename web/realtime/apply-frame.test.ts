import { describe, expect, it } from 'vitest'
import { makeEvent, makeSnapshot } from '../testing/event-fixture.ts'
import { applyEventsFrame, applySnapshot, countEvents, emptyCounts, emptyFeedState, rollCounts } from './apply-frame.ts'

describe('applySnapshot', () => {
  it('replaces feed, counters and seq', () => {
    const s = applySnapshot(makeSnapshot(12, [makeEvent(10), makeEvent(12)]))
    expect(s.feed.map((e) => e.seq)).toEqual([10, 12])
    expect(s.counts.total).toBe(2)
    expect(s.lastSeq).toBe(12)
  })

  it('keeps only the newest events up to the limit, in seq order', () => {
    const events = [5, 3, 4, 1, 2].map((n) => makeEvent(n))
    expect(applySnapshot(makeSnapshot(5, events), 3).feed.map((e) => e.seq)).toEqual([3, 4, 5])
  })

  it('does not share the counters object with the snapshot', () => {
    const snap = makeSnapshot(1, [makeEvent(1)])
    const s = applySnapshot(snap)
    s.counts.bySource.incident = 99
    expect(snap.counts.bySource.incident).toBe(1)
  })

  it('takes a lower seq after a store reset instead of keeping the old one', () => {
    const before = applySnapshot(makeSnapshot(500, [makeEvent(500)]))
    expect(before.lastSeq).toBe(500)
    const after = applySnapshot(makeSnapshot(3, [makeEvent(3)]))
    expect(after.lastSeq).toBe(3)
  })
})

describe('applyEventsFrame', () => {
  const base = applySnapshot(makeSnapshot(10, [makeEvent(9), makeEvent(10)]))

  it('appends new events and increments the counters', () => {
    const { state, applied } = applyEventsFrame(base, {
      seq: 12,
      events: [makeEvent(11, { source: 'sensor', severity: 'severe' }), makeEvent(12)],
    })
    expect(applied.map((e) => e.seq)).toEqual([11, 12])
    expect(state.feed.map((e) => e.seq)).toEqual([9, 10, 11, 12])
    expect(state.lastSeq).toBe(12)
    expect(state.counts.total).toBe(4)
    expect(state.counts.bySource).toEqual({ incident: 3, sensor: 1 })
    expect(state.counts.bySeverity).toEqual({ moderate: 3, severe: 1 })
  })

  it('drops events at or below the last applied seq (a replayed resume)', () => {
    const { state, applied } = applyEventsFrame(base, { seq: 11, events: [makeEvent(9), makeEvent(10), makeEvent(11)] })
    expect(applied.map((e) => e.seq)).toEqual([11])
    expect(state.counts.total).toBe(3)
  })

  it('returns the same state when everything was a duplicate', () => {
    const { state, applied } = applyEventsFrame(base, { seq: 10, events: [makeEvent(10)] })
    expect(applied).toEqual([])
    expect(state).toBe(base)
  })

  it('dedupes within a frame and sorts by seq', () => {
    const { state } = applyEventsFrame(base, { seq: 13, events: [makeEvent(13), makeEvent(11), makeEvent(13)] })
    expect(state.feed.map((e) => e.seq)).toEqual([9, 10, 11, 13])
    expect(state.counts.total).toBe(4)
  })

  it('bounds the feed, dropping the oldest', () => {
    let s = emptyFeedState()
    for (let n = 1; n <= 10; n++) s = applyEventsFrame(s, { seq: n, events: [makeEvent(n)] }, 4).state
    expect(s.feed.map((e) => e.seq)).toEqual([7, 8, 9, 10])
    expect(s.counts.total).toBe(10)
  })

  it('resumes from the frame seq when it runs past the frame events', () => {
    const { state } = applyEventsFrame(base, { seq: 20, events: [makeEvent(11)] })
    expect(state.lastSeq).toBe(20)
  })

  it('never mutates the input state', () => {
    const frozen = structuredClone(base)
    applyEventsFrame(base, { seq: 11, events: [makeEvent(11)] })
    expect(base).toEqual(frozen)
  })
})

describe('counters across midnight', () => {
  const since = '2025-02-28T16:00:00.000Z' // 00:00 in Chengdu

  it('counts into the current day', () => {
    const c = countEvents({ ...emptyCounts(), since }, [makeEvent(1, { receivedAt: '2025-03-01T15:59:59.000Z' })])
    expect(c).toMatchObject({ total: 1, since })
  })

  it('starts a new day at zero once an event lands after midnight', () => {
    const today = { total: 40, bySource: { incident: 40 }, bySeverity: { minor: 40 }, byNode: { '510108': 40, '510108001': 40 }, since }
    const e = makeEvent(1, { receivedAt: '2025-03-01T16:00:02.000Z', severity: 'severe' })
    const c = countEvents(today, [e])
    expect(c).toEqual({
      total: 1,
      bySource: { incident: 1 },
      bySeverity: { severe: 1 },
      byNode: Object.fromEntries(Object.values(e.path).filter((id) => id !== null).map((id) => [id, 1])),
      since: '2025-03-01T16:00:00.000Z',
    })
    // The day before is left as it was.
    expect(today.byNode['510108']).toBe(40)
  })

  it('leaves counters alone when the window start is unknown', () => {
    const c = emptyCounts()
    expect(rollCounts(c, Date.parse('2030-01-01T00:00:00Z'))).toBe(c)
  })
})
