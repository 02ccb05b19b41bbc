/**
 * Roll-ups: how many events fall in each node of the hierarchy, at every tier at once. An event
 * counts for every node on its path (its district, street, community, grid and micro-grid), so a
 * street's number is always the sum of its communities' and nothing is counted twice across levels.
 */
import { LEVELS } from '../domain/geo.ts'
import type { Path } from '../domain/event.ts'

/** Event counts by node id, any tier. */
export type NodeCounts = Record<string, number>

/**
 * Adds `n` events at `path` to `counts` in place (null tiers, e.g. a point outside the district,
 * add nothing), and returns `counts`.
 *
 * @example
 * addPath({}, { district: '510108', street: '510108001', community: null, grid: null, microgrid: null })
 * // { '510108': 1, '510108001': 1 }
 */
export function addPath(counts: NodeCounts, path: Path, n = 1): NodeCounts {
  for (const level of LEVELS) {
    const id = path[level]
    if (id !== null) counts[id] = (counts[id] ?? 0) + n
  }
  return counts
}
