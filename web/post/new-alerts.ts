/**
 * Which cases should sound the post's alarm: severe or extreme ones the post has not seen before.
 * The first load only records what is already there, so opening the page (or a reconnect that
 * reloads the queue) does not ring for old cases.
 */
import type { Case } from '../../domain/cases.ts'
import { ALERTING_SEVERITIES } from './queue-rows.ts'

export interface AlertTracker {
  /** Ids of the cases seen so far; null until the first load. */
  seen: ReadonlySet<string> | null
}

/**
 * @example
 * noticeNewAlerts({ seen: null }, [severeA])           // { fresh: [], tracker: { seen: {A} } }
 * noticeNewAlerts({ seen: new Set(['A']) }, [severeA, extremeB]) // { fresh: ['B'], … }
 */
export function noticeNewAlerts(
  tracker: AlertTracker,
  cases: readonly Pick<Case, 'id' | 'severity'>[],
): { fresh: string[]; tracker: AlertTracker } {
  const seen = new Set(tracker.seen ?? [])
  const fresh: string[] = []
  for (const c of cases) {
    if (seen.has(c.id)) continue
    seen.add(c.id)
    if (tracker.seen && ALERTING_SEVERITIES.includes(c.severity)) fresh.push(c.id)
  }
  return { fresh, tracker: { seen } }
}
