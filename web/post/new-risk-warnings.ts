/**
 * Which early warnings (风险预警) are news to the post: those it had not seen before. The first
 * picture only records what is already there, so opening the page (or picking another street) does
 * not flag warnings raised before anyone was watching; a reconnect's full frame, which repeats the
 * ones already seen, flags only those raised while the socket was down.
 */
import type { RiskWarning } from '../../domain/risk.ts'

export interface WarningTracker {
  /** Ids of the warnings seen so far; null until the first picture. */
  seen: ReadonlySet<string> | null
}

/**
 * @example
 * noticeNewWarnings({ seen: null }, [a])                 // { fresh: [], tracker: { seen: {a} } }
 * noticeNewWarnings({ seen: new Set(['a']) }, [b, a])    // { fresh: ['b'], … }
 */
export function noticeNewWarnings(
  tracker: WarningTracker,
  warnings: readonly Pick<RiskWarning, 'id'>[],
): { fresh: string[]; tracker: WarningTracker } {
  const seen = new Set(tracker.seen ?? [])
  const fresh: string[] = []
  for (const w of warnings) {
    if (seen.has(w.id)) continue
    seen.add(w.id)
    if (tracker.seen) fresh.push(w.id)
  }
  return { fresh, tracker: { seen } }
}
