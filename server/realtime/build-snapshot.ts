/** The `snapshot` payload: recent events and today's counts in a scope, as of one seq. */
import type { Scope } from '../../domain/auth.ts'
import { SNAPSHOT_EVENTS, type Counts, type Snapshot } from '../../domain/socket.ts'
import { rollupPaths } from '../../geo/rollup-paths.ts'
import type { EventStore } from '../store/event-store.ts'
import { streetFilter } from './rooms.ts'

const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** Local midnight in Asia/Shanghai (no daylight saving), as an ISO instant. */
export function startOfShanghaiDay(now: Date): string {
  const local = now.getTime() + SHANGHAI_OFFSET_MS
  return new Date(local - (local % 86_400_000) - SHANGHAI_OFFSET_MS).toISOString()
}

export function countsOf(store: EventStore, scope: Scope, untilSeq: number, now: Date): Counts {
  const since = startOfShanghaiDay(now)
  const query = { receivedSince: since, untilSeq, street: streetFilter(scope) }
  const counts: Counts = { total: 0, bySource: {}, bySeverity: {}, byNode: rollupPaths(store.countByPath(query)), since }
  for (const row of store.countBy(query)) {
    counts.total += row.n
    counts.bySource[row.source] = (counts.bySource[row.source] ?? 0) + row.n
    counts.bySeverity[row.severity] = (counts.bySeverity[row.severity] ?? 0) + row.n
  }
  return counts
}

export function buildSnapshot(store: EventStore, scope: Scope, untilSeq: number, bootId: string): Snapshot {
  const now = new Date()
  const events = store.list({ untilSeq, street: streetFilter(scope), limit: SNAPSHOT_EVENTS, order: 'desc' }).reverse()
  return { seq: untilSeq, scope, events, counts: countsOf(store, scope, untilSeq, now), serverTime: now.toISOString(), bootId }
}
