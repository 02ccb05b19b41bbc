/**
 * One street's risk (风险, domain/risk.ts) out of whatever the risk store holds: a street user's
 * frames carry only their street, a district user's the whole district, so the post always narrows
 * by the street's id. Ids extend their parent's (map/hierarchy.ts), which is all the narrowing needs.
 */
import { RISK_LEVELS, type RiskLevel, type RiskNode, type RiskWarning } from '../../domain/risk.ts'
import { pathIds } from '../map/hierarchy.ts'

/** Enough to name where to look first; the map and the counts cover the rest. */
export const RISKIEST_SHOWN = 5

export interface StreetRisk {
  /** The street's own node; null before the first frame or when the server scores none. */
  street: RiskNode | null
  /** How many of the street's grids (一般网格) stand at each level. */
  counts: Record<RiskLevel, number>
  /** The number of scored grids. */
  grids: number
  /** The highest-scoring grids, highest first. */
  riskiest: RiskNode[]
}

/** Whether a node lies in (or is) the street. */
export const inStreet = (id: string, streetId: string): boolean => pathIds(id)[1] === streetId

/**
 * @example
 * streetRisk(nodes, '510108001').counts // { green: 72, blue: 3, yellow: 0, orange: 0, red: 0 }
 */
export function streetRisk(nodes: ReadonlyMap<string, RiskNode>, streetId: string, shown = RISKIEST_SHOWN): StreetRisk {
  const counts = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>
  const grids: RiskNode[] = []
  for (const n of nodes.values()) {
    if (n.level !== 'grid' || !inStreet(n.id, streetId)) continue
    grids.push(n)
    counts[n.riskLevel]++
  }
  // Ties by id, so two grids with the same score never swap places between frames.
  grids.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
  return { street: nodes.get(streetId) ?? null, counts, grids: grids.length, riskiest: grids.slice(0, shown) }
}

/**
 * The street's early warnings, in the order held (newest first).
 *
 * @example
 * streetWarnings([{ streetId: 'a', … }, { streetId: 'b', … }], 'a').length // 1
 */
export function streetWarnings<W extends Pick<RiskWarning, 'streetId'>>(warnings: readonly W[], streetId: string): W[] {
  return warnings.filter((w) => w.streetId === streetId)
}

/**
 * A grid's three parts as shares of a bar standing for a score of 100, so two grids' bars compare
 * at a glance. The parts add up to the score, which stops at 100 (events up to 60, alarms up to 30,
 * vulnerability up to 20 can sum to more): then the bar is scaled to fit rather than overflow.
 *
 * @example
 * partShares({ events: 30, alarms: 0, vulnerability: 10 }) // { events: 0.3, alarms: 0, vulnerability: 0.1 }
 */
export function partShares(parts: RiskNode['parts']): RiskNode['parts'] {
  const total = parts.events + parts.alarms + parts.vulnerability
  const scale = 1 / Math.max(100, total)
  return { events: parts.events * scale, alarms: parts.alarms * scale, vulnerability: parts.vulnerability * scale }
}
