/** Ranking streets by how many of the recent events fell in each. */
import type { StoredEvent } from '../../domain/event.ts'
import { isFeedWorthy } from '../feed/feed-rows.ts'

export interface StreetRank {
  id: string
  name: string
  count: number
  /** count / the largest count, 0–1, for bar lengths. */
  share: number
}

/**
 * Every street appears, busiest first; ties keep the streets' own order so bars don't shuffle.
 *
 * @example
 * rankStreets(feed, [{ id: '510108001', name: '猛追湾街道' }])
 * // [{ id: '510108001', name: '猛追湾街道', count: 3, share: 1 }]
 */
export function rankStreets(
  feed: readonly StoredEvent[],
  streets: readonly { id: string; name: string }[],
): StreetRank[] {
  const counts = new Map<string, number>(streets.map((s) => [s.id, 0]))
  for (const e of feed) {
    const id = e.path.street
    if (id !== null && counts.has(id) && isFeedWorthy(e)) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  const max = Math.max(0, ...counts.values())
  return streets
    .map((s, order) => ({ id: s.id, name: s.name, count: counts.get(s.id) ?? 0, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ id, name, count }) => ({ id, name, count, share: max === 0 ? 0 : count / max }))
}
