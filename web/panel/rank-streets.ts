/** Ranking streets by today's events, from the roll-up the snapshot and frames keep current. */
import { nodeCounts } from '../map/hierarchy.ts'

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
 * rankStreets({ '510108001': 3 }, [{ id: '510108001', name: '猛追湾街道' }])
 * // [{ id: '510108001', name: '猛追湾街道', count: 3, share: 1 }]
 */
export function rankStreets(
  byNode: Readonly<Record<string, number>>,
  streets: readonly { id: string; name: string }[],
): StreetRank[] {
  const counts = nodeCounts(byNode, streets.map((s) => s.id))
  return streets
    .map((s, order) => ({ id: s.id, name: s.name, ...(counts.get(s.id) ?? { count: 0, share: 0 }), order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ id, name, count, share }) => ({ id, name, count, share }))
}
