/** The live feed and today's counters, fed by the realtime composable. */
import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { StoredEvent } from '../../domain/event.ts'
import type { Counts, EventsFrame, Snapshot } from '../../domain/socket.ts'
import { useAuthStore } from './auth.ts'
import { applyEventsFrame, applySnapshot, emptyFeedState, type FeedState } from '../realtime/apply-frame.ts'

export const useEventsStore = defineStore('events', () => {
  const auth = useAuthStore()
  const initial = emptyFeedState()
  // shallowRef: events are replaced, never mutated, and 200 deep proxies per frame buy nothing.
  /** Recent events, oldest first, bounded. */
  const feed = shallowRef<StoredEvent[]>(initial.feed)
  /** Today's totals in this user's scope. */
  const counts = shallowRef<Counts>(initial.counts)
  /** The highest seq applied; null until the first snapshot. */
  const lastSeq = shallowRef<number | null>(initial.lastSeq)
  /** The seq the last snapshot covered; events above it arrived live and are highlighted. */
  const liveAfterSeq = shallowRef<number | null>(null)

  function current(): FeedState {
    return { feed: feed.value, counts: counts.value, lastSeq: lastSeq.value }
  }

  function commit(state: FeedState): void {
    feed.value = state.feed
    counts.value = state.counts
    lastSeq.value = state.lastSeq
  }

  function receiveSnapshot(snapshot: Snapshot): void {
    const state = applySnapshot(snapshot)
    commit(state)
    liveAfterSeq.value = state.lastSeq
  }

  /** Returns the events that were new. */
  function receiveFrame(frame: EventsFrame): StoredEvent[] {
    const { state, applied } = applyEventsFrame(current(), frame)
    if (applied.length > 0) commit(state)
    return applied
  }

  /** Forgets everything, so the next connect asks for a snapshot (on sign-out). */
  function reset(): void {
    commit(emptyFeedState())
    liveAfterSeq.value = null
  }

  // Another user may see another scope: never resume their feed with the previous user's seq.
  watch(() => auth.token, reset)

  return { feed, counts, lastSeq, liveAfterSeq, receiveSnapshot, receiveFrame, reset }
})
