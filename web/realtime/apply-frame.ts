/**
 * Folding server frames into the wall's feed and counters.
 *
 * Every update carries `seq`, so dedupe is "apply only what is newer than what we have": a resume
 * may replay a frame we already saw, and frames can race a snapshot after a reconnect. A snapshot
 * is the server's whole truth for the scope and replaces everything.
 */
import type { StoredEvent } from '../../domain/event.ts'
import type { Counts, EventsFrame, Snapshot } from '../../domain/socket.ts'
import { addPath } from '../../geo/rollup-paths.ts'

/** How many recent events the client keeps; matches what a snapshot carries. */
export const FEED_LIMIT = 200

const DAY_MS = 86_400_000

export interface FeedState {
  /** Recent events, oldest first (the server's order), at most the feed limit. */
  feed: StoredEvent[]
  /** Today's totals; `since` is empty until the first snapshot says when "today" began. */
  counts: Counts
  /** The highest seq applied, or null before anything arrived (then a connect asks for a snapshot). */
  lastSeq: number | null
}

export interface FrameResult {
  state: FeedState
  /** The events this frame added, oldest first; empty when it was all duplicates. */
  applied: StoredEvent[]
}

export function emptyCounts(): Counts {
  return { total: 0, bySource: {}, bySeverity: {}, byNode: {}, since: '' }
}

export function emptyFeedState(): FeedState {
  return { feed: [], counts: emptyCounts(), lastSeq: null }
}

function bySeq(a: StoredEvent, b: StoredEvent): number {
  return a.seq - b.seq
}

/** Sorted by seq, each seq once, all strictly above `after`. */
function freshEvents(events: readonly StoredEvent[], after: number | null): StoredEvent[] {
  const out: StoredEvent[] = []
  let last = after ?? Number.NEGATIVE_INFINITY
  for (const e of [...events].sort(bySeq)) {
    if (e.seq > last) {
      out.push(e)
      last = e.seq
    }
  }
  return out
}

/**
 * A snapshot replaces the feed and counters outright.
 *
 * @example
 * applySnapshot({ seq: 42, events: [...], counts: {...}, ... }).lastSeq // 42
 */
export function applySnapshot(snapshot: Snapshot, limit = FEED_LIMIT): FeedState {
  const feed = freshEvents(snapshot.events, null).slice(-limit)
  const newest = feed.at(-1)?.seq ?? Number.NEGATIVE_INFINITY
  return {
    feed,
    counts: {
      total: snapshot.counts.total,
      bySource: { ...snapshot.counts.bySource },
      bySeverity: { ...snapshot.counts.bySeverity },
      byNode: { ...snapshot.counts.byNode },
      since: snapshot.counts.since,
    },
    lastSeq: Math.max(snapshot.seq, newest),
  }
}

/**
 * The counting window is one day from `since` (Asia/Shanghai has no DST, so a day is 24 h).
 * When an event lands past its end, the wall has run through midnight: start a new day at zero.
 */
export function rollCounts(counts: Counts, at: number): Counts {
  const since = Date.parse(counts.since)
  if (Number.isNaN(since) || Number.isNaN(at) || at < since + DAY_MS) return counts
  const days = Math.floor((at - since) / DAY_MS)
  return { total: 0, bySource: {}, bySeverity: {}, byNode: {}, since: new Date(since + days * DAY_MS).toISOString() }
}

/**
 * Adds events to the counters and the per-node roll-up, returning a new object. The records are
 * copied once per call, not per event: the roll-up has thousands of keys and a frame many events.
 *
 * @example
 * countEvents(counts, [e1, e2]).byNode['510108001'] // counts.byNode['510108001'] + 2, if both fell in that street
 */
export function countEvents(counts: Counts, events: readonly StoredEvent[]): Counts {
  let out: Counts = {
    total: counts.total,
    bySource: { ...counts.bySource },
    bySeverity: { ...counts.bySeverity },
    byNode: { ...counts.byNode },
    since: counts.since,
  }
  for (const event of events) {
    // A fresh, empty day: its records are new objects, safe to fill in place.
    out = rollCounts(out, Date.parse(event.receivedAt))
    out.total += 1
    out.bySource[event.source] = (out.bySource[event.source] ?? 0) + 1
    out.bySeverity[event.severity] = (out.bySeverity[event.severity] ?? 0) + 1
    addPath(out.byNode, event.path)
  }
  return out
}

/**
 * Appends the frame's unseen events to the bounded feed and counts them.
 *
 * @example
 * const { state, applied } = applyEventsFrame(state, { seq: 43, events: [e43] })
 */
export function applyEventsFrame(state: FeedState, frame: EventsFrame, limit = FEED_LIMIT): FrameResult {
  const applied = freshEvents(frame.events, state.lastSeq)
  if (applied.length === 0) return { state, applied }
  const newest = applied.at(-1)?.seq ?? Number.NEGATIVE_INFINITY
  return {
    state: {
      feed: [...state.feed, ...applied].slice(-limit),
      counts: countEvents(state.counts, applied),
      // `frame.seq` is the frame's last seq; taking the max keeps a resume from asking for it again.
      lastSeq: Math.max(state.lastSeq ?? Number.NEGATIVE_INFINITY, newest, frame.seq),
    },
    applied,
  }
}
