/**
 * Risk by grid (DESIGN §2.4): every micro-grid has a score from 0 to 100, rolled up the tiers, and a
 * five-colour level (五色) from configurable thresholds. A score has three parts:
 *   - events (up to 60): recent events in the micro-grid, weighted by category and severity, each
 *     decaying with a half-life (`RISK_HALF_LIFE_H`), so yesterday's fire hazard still counts a little
 *     and last week's counts for nothing; measured against the district's usual load (a baseline that
 *     follows it over a week), so the colours single out places well above the usual;
 *   - alarms (up to 30): the sensor alarms still open there (not yet cleared), by sensor type;
 *   - vulnerability (up to 20): what the place is, not what happened: the share of households in old
 *     compounds (老旧小区, built before 2000) and of residents aged 60 or over, from the district's sites.
 * A parent's score is the mean of its worst third of children (at least one), so one bad micro-grid
 * shows in its grid, and a street is not red for one corner of it.
 * A grid (一般网格) whose level rises raises an early warning (风险预警).
 * A forecast for the next 24 hours scores each node as it will stand if its recent rate of events holds.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Level } from './geo.ts'

/** Lowest first: the order of the thresholds and of "higher". */
export const RISK_LEVELS = ['green', 'blue', 'yellow', 'orange', 'red'] as const
export const RiskLevel = Type.Union(RISK_LEVELS.map((l) => Type.Literal(l)))
export type RiskLevel = (typeof RISK_LEVELS)[number]

export const RISK_LEVEL_LABELS: Record<RiskLevel, { zh: string; en: string }> = {
  green: { zh: '绿色', en: 'Green' },
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
}

/** The lowest score of each level above green; each above the one before. */
export const RiskThresholds = Type.Object({
  blue: Type.Number(),
  yellow: Type.Number(),
  orange: Type.Number(),
  red: Type.Number(),
})
export type RiskThresholds = Static<typeof RiskThresholds>

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = { blue: 20, yellow: 40, orange: 60, red: 80 }

export function riskLevelOf(score: number, t: RiskThresholds): RiskLevel {
  if (score >= t.red) return 'red'
  if (score >= t.orange) return 'orange'
  if (score >= t.yellow) return 'yellow'
  if (score >= t.blue) return 'blue'
  return 'green'
}

export const riskRank = (l: RiskLevel) => RISK_LEVELS.indexOf(l)

const Score = Type.Number({ minimum: 0, maximum: 100 })

export const RiskParts = Type.Object({ events: Score, alarms: Score, vulnerability: Score })
export type RiskParts = Static<typeof RiskParts>

/** One hierarchy node's risk. `level` is its tier, as everywhere in the geo contract; `riskLevel` its colour. */
/** Where a node is forecast to stand in `RiskReport.forecastHours` (未诉先办): see server/risk/risk-forecast.ts. */
export const RiskForecast = Type.Object({ score: Score, riskLevel: RiskLevel, parts: RiskParts })
export type RiskForecast = Static<typeof RiskForecast>

export const RiskNode = Type.Object({
  id: Type.String(),
  level: Level,
  score: Score,
  riskLevel: RiskLevel,
  parts: RiskParts,
  /** Only when asked for (`GET /api/v1/risk?forecast=true`). */
  forecast: Type.Optional(RiskForecast),
})
export type RiskNode = Static<typeof RiskNode>

/** A grid whose level rose (风险预警). */
export const RiskWarning = Type.Object({
  id: Type.String(),
  gridId: Type.String(),
  name: Type.String(),
  streetId: Type.String(),
  from: RiskLevel,
  to: RiskLevel,
  score: Score,
  at: Type.String({ description: 'ISO-8601' }),
})
export type RiskWarning = Static<typeof RiskWarning>

export const RiskReport = Type.Object({
  /** When the scores were worked out. */
  at: Type.String(),
  thresholds: RiskThresholds,
  nodes: Type.Array(RiskNode),
  /** The latest early warnings in scope, newest first. */
  warnings: Type.Array(RiskWarning),
  /** How far ahead each node's `forecast` looks, when asked for. */
  forecastHours: Type.Optional(Type.Integer()),
})
export type RiskReport = Static<typeof RiskReport>

/**
 * The socket's `risk` frame: nodes of the district, street, community and grid tiers in the room's
 * scope (micro-grids are left to `GET /api/v1/risk?level=microgrid`). `full` frames (on connect)
 * carry every node; the others only those whose score or level changed, and the warnings just raised.
 */
export const RiskFrame = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  full: Type.Boolean(),
  thresholds: RiskThresholds,
  nodes: Type.Array(RiskNode),
  warnings: Type.Array(RiskWarning),
})
export type RiskFrame = Static<typeof RiskFrame>
