/**
 * Which `risk` feature-states to change after a frame: only the nodes whose level differs from what
 * the map already holds, so a delta about three grids touches three features, not 995, and a full
 * frame that repeats the picture touches none.
 */
import type { RiskLevel } from '../../domain/risk.ts'

export interface RiskStateChanges {
  /** Nodes to (re)colour, with their new level. */
  set: Array<[id: string, level: RiskLevel]>
  /** Nodes that carry a level on the map but are no longer in the picture. */
  clear: string[]
}

/**
 * The changes that take the map from `sent` (id → level as last set) to `nodes`.
 *
 * @example
 * riskStateChanges(new Map([['510108001', 'blue']]), [{ id: '510108001', riskLevel: 'red' }])
 * // { set: [['510108001', 'red']], clear: [] }
 */
export function riskStateChanges(
  sent: ReadonlyMap<string, RiskLevel>,
  nodes: Iterable<{ id: string; riskLevel: RiskLevel }>,
): RiskStateChanges {
  const set: RiskStateChanges['set'] = []
  const seen = new Set<string>()
  for (const n of nodes) {
    seen.add(n.id)
    if (sent.get(n.id) !== n.riskLevel) set.push([n.id, n.riskLevel])
  }
  const clear = [...sent.keys()].filter((id) => !seen.has(id))
  return { set, clear }
}
