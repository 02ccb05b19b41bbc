/**
 * Risk by grid, kept current: event loads follow the stored events as they are published, active
 * alarms and vulnerability are read at each `refresh`, and the scores of every tier are worked out
 * again then (about 7,400 nodes: a few milliseconds). Between refreshes the last scores answer.
 */
import type { Level } from '../../domain/geo.ts'
import type { StoredEvent } from '../../domain/event.ts'
import type { RiskNode, RiskReport, RiskThresholds, RiskWarning } from '../../domain/risk.ts'
import { FORECAST_HOURS, RateForecast } from './risk-forecast.ts'
import { DecayedLoad } from './decayed-load.ts'
import { eventWeight } from './event-weight.ts'
import { scoreTree, type RiskTree } from './risk-scores.ts'
import type { RiskWarnings } from './risk-warnings.ts'
import type { RiskBaseline } from './risk-baseline.ts'
import type { Vulnerability } from './vulnerability.ts'

/** A node is sent again once its score moved this much, or its level changed. */
const SCORE_STEP = 0.5

export interface RiskChanges {
  /** Nodes above the micro-grids whose score or level changed since they were last reported. */
  nodes: RiskNode[]
  warnings: RiskWarning[]
}

export interface RiskService {
  /** Adds published events' weights to their micro-grids. */
  consume(events: readonly StoredEvent[], nowMs?: number): void
  /** Scores everything again; returns what changed since the last refresh. */
  refresh(nowMs?: number): RiskChanges
  report(q: { level?: Level; street?: string; warnings?: number; forecast?: boolean }): RiskReport
  /** Every node above the micro-grids in a scope (the socket's full frame). */
  nodes(street?: string): RiskNode[]
  /** The latest early warnings, newest first, in a street or the whole district. */
  warnings(limit: number, street?: string): RiskWarning[]
  /** The early warnings raised in a time range: how many, and the newest. */
  warningsBetween: RiskWarnings['between']
  streetOf(id: string): string | undefined
  /** When the current scores were worked out (ISO-8601). */
  at(): string
  thresholds: RiskThresholds
}

export function createRiskService(opts: {
  tree: RiskTree
  vulnerability: ReadonlyMap<string, Vulnerability>
  /** The types of the alarms still active (not cleared), by micro-grid, now. */
  activeAlarms: () => ReadonlyMap<string, readonly string[]>
  warnings: RiskWarnings
  baseline: RiskBaseline
  thresholds: RiskThresholds
  halfLifeMs: number
}): RiskService {
  const { tree, thresholds } = opts
  const loads = new DecayedLoad(opts.halfLifeMs)
  const rates = new RateForecast(opts.halfLifeMs)
  let scores = new Map<string, RiskNode>()
  // Worked out when first asked for after a refresh, not at every refresh: only the forecast scene and
  // the API read it, and most refreshes nobody does.
  let forecast: Map<string, RiskNode> | null = null
  let forecastFrom = { loads: new Map<string, number>() as ReadonlyMap<string, number>, nowMs: Date.now(), eventScale: 0 }
  let at = new Date().toISOString()
  const reported = new Map<string, RiskNode>()

  const inScope = (n: RiskNode, street?: string) => !street || (n.level !== 'district' && tree.streetOf.get(n.id) === street)

  function consume(events: readonly StoredEvent[], nowMs = Date.now()): void {
    for (const e of events) {
      const microgrid = e.path.microgrid
      if (!microgrid) continue
      const weight = eventWeight(e)
      if (!(weight > 0)) continue
      const occurredMs = Date.parse(e.occurredAt)
      loads.add(microgrid, weight, occurredMs, nowMs)
      rates.add(microgrid, weight, occurredMs, nowMs)
    }
  }

  function refresh(nowMs = Date.now()): RiskChanges {
    const now = loads.at(nowMs)
    let total = 0
    for (const l of now.values()) total += l
    const eventScale = opts.baseline.update(total / tree.microgrids.length, nowMs)
    scores = scoreTree(tree, { loads: now, eventScale, alarms: opts.activeAlarms(), vulnerability: opts.vulnerability, thresholds })
    forecast = null
    forecastFrom = { loads: now, nowMs, eventScale }
    at = new Date(nowMs).toISOString()
    const changed: RiskNode[] = []
    const grids: RiskNode[] = []
    for (const n of scores.values()) {
      if (n.level === 'microgrid') continue
      if (n.level === 'grid') grids.push(n)
      const before = reported.get(n.id)
      if (before && before.riskLevel === n.riskLevel && Math.abs(before.score - n.score) < SCORE_STEP) continue
      reported.set(n.id, n)
      changed.push(n)
    }
    return { nodes: changed, warnings: opts.warnings.observe(grids, nowMs) }
  }

  function report(q: { level?: Level; street?: string; warnings?: number; forecast?: boolean }): RiskReport {
    const nodes = [...scores.values()].filter((n) => (q.level ? n.level === q.level : n.level !== 'microgrid') && inScope(n, q.street))
    const warnings = opts.warnings.latest(q.warnings ?? 20, q.street)
    if (!q.forecast) return { at, thresholds, nodes, warnings }
    const { loads: from, nowMs, eventScale } = forecastFrom
    forecast ??= scoreTree(tree, { loads: rates.loads(from, nowMs), eventScale, alarms: new Map(), vulnerability: opts.vulnerability, thresholds })
    const scored = forecast
    const ahead = (n: RiskNode) => {
      const f = scored.get(n.id)
      return f ? { score: f.score, riskLevel: f.riskLevel, parts: f.parts } : undefined
    }
    return { at, thresholds, nodes: nodes.map((n) => ({ ...n, forecast: ahead(n) })), warnings, forecastHours: FORECAST_HOURS }
  }

  return {
    consume,
    refresh,
    report,
    nodes: (street) => [...scores.values()].filter((n) => n.level !== 'microgrid' && inScope(n, street)),
    warnings: (limit, street) => opts.warnings.latest(limit, street),
    warningsBetween: (q) => opts.warnings.between(q),
    streetOf: (id) => tree.streetOf.get(id),
    at: () => at,
    thresholds,
  }
}
