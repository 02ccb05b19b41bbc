/**
 * Scores every node of the hierarchy (domain/risk.ts explains the parts). Micro-grids are scored from
 * their own events, alarms and vulnerability; every other tier from its children: the mean of its worst
 * third (at least one), part by part, so the parts still add up to the score at every tier.
 */
import type { FullHierarchy } from '../../geo/index.ts'
import type { Level } from '../../domain/geo.ts'
import { riskLevelOf, type RiskNode, type RiskParts, type RiskThresholds } from '../../domain/risk.ts'
import type { Vulnerability } from './vulnerability.ts'

/** The events part nears this as the load grows: no amount of events alone makes a place red. */
const EVENTS_MAX = 60
/**
 * The load (in weight units, see event-weight.ts) that takes the events part to 63 % of its maximum,
 * at least: a single severe fire hazard then makes a quiet micro-grid yellow. Where events are many
 * everywhere, `eventScale` (risk-baseline.ts) is larger, so the colours still single out the places
 * well above the district's usual.
 */
export const MIN_EVENT_SCALE = 6
const ALARMS_MAX = 30
/** An active alarm's points by sensor type: a gas leak threatens a whole stairwell. */
const ALARM_POINTS: Record<string, number> = { gas: 15, smoke: 12, heat: 10, electrical: 10 }
const VULNERABILITY_OLD = 10
const VULNERABILITY_ELDERLY = 10
/** The share of residents aged 60 or over that counts fully (a district's average is about 0.2). */
const ELDERLY_FULL = 0.4

export interface RiskTree {
  /** Parents before children is not required; every node's children are listed by id. */
  nodes: Array<{ id: string; level: Level; children: string[] }>
  microgrids: string[]
  /** Each node's street (undefined for the district). */
  streetOf: Map<string, string>
}

export function riskTree(h: FullHierarchy): RiskTree {
  const children = new Map<string, string[]>()
  const tiers: Array<[Level, Array<{ properties: { id: string; parentId: string | null } }>]> = [
    ['district', [h.district]], ['street', h.streets], ['community', h.communities], ['grid', h.grids], ['microgrid', h.microgrids],
  ]
  const streetOf = new Map<string, string>()
  for (const [level, features] of tiers) {
    for (const { properties: p } of features) {
      children.set(p.id, [])
      if (p.parentId) children.get(p.parentId)?.push(p.id)
      if (level === 'street') streetOf.set(p.id, p.id)
      else if (p.parentId && streetOf.has(p.parentId)) streetOf.set(p.id, streetOf.get(p.parentId)!)
    }
  }
  // Children before parents, so one pass up the list rolls every tier up.
  const nodes = [...tiers].reverse().flatMap(([level, features]) => features.map((f) => ({ id: f.properties.id, level, children: children.get(f.properties.id)! })))
  return { nodes, microgrids: h.microgrids.map((f) => f.properties.id), streetOf }
}

export interface RiskInputs {
  /** Event load per micro-grid (decayed-load.ts). */
  loads: ReadonlyMap<string, number>
  /** The load that takes the events part to 63 % of its maximum (at least MIN_EVENT_SCALE). */
  eventScale: number
  /** The types of the active (not cleared) alarms per micro-grid. */
  alarms: ReadonlyMap<string, readonly string[]>
  vulnerability: ReadonlyMap<string, Vulnerability>
  thresholds: RiskThresholds
}

const round1 = (x: number) => Math.round(x * 10) / 10

export function microgridParts(load: number, alarmTypes: readonly string[], v: Vulnerability | undefined, eventScale = MIN_EVENT_SCALE): RiskParts {
  const alarmPoints = alarmTypes.reduce((sum, t) => sum + (ALARM_POINTS[t] ?? 10), 0)
  return {
    events: EVENTS_MAX * (1 - Math.exp(-load / eventScale)),
    alarms: Math.min(ALARMS_MAX, alarmPoints),
    vulnerability: v ? VULNERABILITY_OLD * v.oldShare + VULNERABILITY_ELDERLY * Math.min(1, v.elderlyShare / ELDERLY_FULL) : 0,
  }
}

function worstThirdMean(parts: RiskParts[]): RiskParts {
  const total = (p: RiskParts) => p.events + p.alarms + p.vulnerability
  const worst = [...parts].sort((a, b) => total(b) - total(a)).slice(0, Math.max(1, Math.ceil(parts.length / 3)))
  const mean = (key: keyof RiskParts) => worst.reduce((s, p) => s + p[key], 0) / worst.length
  return { events: mean('events'), alarms: mean('alarms'), vulnerability: mean('vulnerability') }
}

/** Every node's risk, by id. */
export function scoreTree(tree: RiskTree, inputs: RiskInputs): Map<string, RiskNode> {
  const parts = new Map<string, RiskParts>()
  const out = new Map<string, RiskNode>()
  for (const node of tree.nodes) {
    const p = node.level === 'microgrid'
      ? microgridParts(inputs.loads.get(node.id) ?? 0, inputs.alarms.get(node.id) ?? [], inputs.vulnerability.get(node.id), inputs.eventScale)
      : node.children.length > 0
        ? worstThirdMean(node.children.map((c) => parts.get(c)!))
        : { events: 0, alarms: 0, vulnerability: 0 }
    parts.set(node.id, p)
    const score = round1(Math.min(100, p.events + p.alarms + p.vulnerability))
    out.set(node.id, {
      id: node.id,
      level: node.level,
      score,
      riskLevel: riskLevelOf(score, inputs.thresholds),
      parts: { events: round1(p.events), alarms: round1(p.alarms), vulnerability: round1(p.vulnerability) },
    })
  }
  return out
}
