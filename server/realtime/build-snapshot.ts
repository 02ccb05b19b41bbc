/** The `snapshot` payload: recent events and today's counts in a scope, as of one seq. */
import type { Scope } from '../../domain/auth.ts'
import { SNAPSHOT_EVENTS, type Counts, type Snapshot } from '../../domain/socket.ts'
import type { EventStore } from '../store/event-store.ts'
import { streetFilter } from './rooms.ts'
import { publicEvent } from '../privacy/public-event.ts'

/** `counts` must be as of `untilSeq` (see `DailyCounts.forScope`). */
export function buildSnapshot(store: EventStore, scope: Scope, untilSeq: number, bootId: string, counts: Counts): Snapshot {
  const now = new Date()
  const events = store.list({ untilSeq, street: streetFilter(scope), limit: SNAPSHOT_EVENTS, order: 'desc' }).reverse().map(publicEvent)
  return { seq: untilSeq, scope, events, counts, serverTime: now.toISOString(), bootId }
}
