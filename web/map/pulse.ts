/**
 * Which events get a ripple on the map. Only what arrives live pulses: not a snapshot's backlog,
 * not what queued up while the map was getting ready, and never the same event twice.
 *
 * The ripple itself is an HTML marker with a CSS animation: the compositor animates it, so the
 * map does not have to redraw every frame while events stream in.
 */
import type { StoredEvent } from '../../domain/event.ts'
import { isFeedWorthy } from '../feed/feed-rows.ts'

/** How long one ripple lasts; the CSS animation uses the same duration. */
export const PULSE_MS = 2_400
/** At most this many ripples at once; a burst beyond that pulses only its newest events. */
export const MAX_PULSES = 24

export interface PulseCursor {
  /** The highest seq already pulsed or deliberately skipped; null before the first look. */
  pulsedThrough: number | null
}

/**
 * The events to pulse now, oldest first, and the cursor to keep for next time.
 *
 * @example
 * const first = pickPulses(feed, { pulsedThrough: null }, { liveAfterSeq: 40 }) // nothing: sets the cursor
 * const next = pickPulses(feedWith41, first.cursor, { liveAfterSeq: 40 })      // [event 41]
 */
export function pickPulses(
  feed: readonly StoredEvent[],
  cursor: PulseCursor,
  context: { liveAfterSeq: number | null },
): { pulse: StoredEvent[]; cursor: PulseCursor } {
  const newest = feed.at(-1)?.seq ?? null
  // The first look only sets the cursor: whatever is on screen by then is history.
  if (cursor.pulsedThrough === null) return { pulse: [], cursor: { pulsedThrough: newest } }
  // Nothing pulses before a snapshot has said where live begins.
  if (context.liveAfterSeq === null) return { pulse: [], cursor: { pulsedThrough: newest ?? cursor.pulsedThrough } }
  const floor = Math.max(cursor.pulsedThrough, context.liveAfterSeq)
  const pulse = feed.filter((e) => e.seq > floor && isFeedWorthy(e)).slice(-MAX_PULSES)
  return { pulse, cursor: { pulsedThrough: Math.max(floor, newest ?? floor) } }
}
