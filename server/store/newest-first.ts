/**
 * The store's events from the newest back, a page at a time, for followers that rebuild a recent
 * window at boot (risk, automatic hotspots): they stop reading where the window ends, and never read
 * more than `max` events however busy the last hours were.
 */
import type { StoredEvent } from '../../domain/event.ts'
import type { EventStore } from './event-store.ts'

const PAGE = 5000

export function* newestFirst(store: Pick<EventStore, 'list' | 'lastSeq'>, max: number): Generator<StoredEvent> {
  let read = 0
  for (let until = store.lastSeq(); until > 0;) {
    const page = store.list({ untilSeq: until, order: 'desc', limit: PAGE })
    for (const e of page) {
      if (read++ >= max) return
      yield e
    }
    if (page.length < PAGE) return
    until = page.at(-1)!.seq - 1
  }
}
