/**
 * Folding `risk` frames (domain/risk.ts) into the picture the wall holds. A full frame (on every
 * connect) is the whole picture and replaces it, so a node that left the scope or a warning the
 * server forgot cannot linger; the others carry only the nodes whose score or level changed and the
 * warnings just raised, applied by id on top.
 */
import type { RiskFrame, RiskNode, RiskThresholds, RiskWarning } from '../../domain/risk.ts'

/** Enough to fill the wall's box several times over; older ones are history, not news. */
export const RISK_WARNINGS_KEPT = 20

export interface RiskPicture {
  /** When the newest applied frame's scores were worked out. */
  at: string
  thresholds: RiskThresholds
  /** Every node by id (district, street, community and grid tiers); replaced, never mutated. */
  nodes: ReadonlyMap<string, RiskNode>
  /** The latest early warnings, newest first, at most `RISK_WARNINGS_KEPT`. */
  warnings: readonly RiskWarning[]
}

/**
 * The picture after a frame. Unchanged parts keep their identity (a delta without warnings keeps the
 * same `warnings` array), so watchers of one part do not wake for the other. A delta older than the
 * picture (one that raced a full frame across a reconnect) is ignored.
 *
 * @example
 * applyRiskFrame(null, { seq: 1, at, full: true, thresholds, nodes: [street], warnings: [] }).nodes.get(street.id)
 * // street
 */
export function applyRiskFrame(current: RiskPicture | null, frame: RiskFrame, keep = RISK_WARNINGS_KEPT): RiskPicture {
  if (frame.full || current === null) {
    return {
      at: frame.at,
      thresholds: frame.thresholds,
      nodes: new Map(frame.nodes.map((n) => [n.id, n])),
      warnings: frame.warnings.slice(0, keep),
    }
  }
  if (Date.parse(frame.at) < Date.parse(current.at)) return current
  return {
    at: frame.at,
    thresholds: frame.thresholds,
    nodes: frame.nodes.length === 0 ? current.nodes : mergeNodes(current.nodes, frame.nodes),
    warnings: frame.warnings.length === 0 ? current.warnings : prependWarnings(current.warnings, frame.warnings, keep),
  }
}

function mergeNodes(held: ReadonlyMap<string, RiskNode>, changed: readonly RiskNode[]): Map<string, RiskNode> {
  const next = new Map(held)
  for (const n of changed) next.set(n.id, n)
  return next
}

/** New ones first; a warning sent again (same id) appears once, where the newer frame put it. */
function prependWarnings(held: readonly RiskWarning[], fresh: readonly RiskWarning[], keep: number): RiskWarning[] {
  const ids = new Set(fresh.map((w) => w.id))
  return [...fresh, ...held.filter((w) => !ids.has(w.id))].slice(0, keep)
}
