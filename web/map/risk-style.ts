/**
 * The map's risk scenes (风险, DESIGN §2.4): the fills of the level in focus take the five colours
 * (五色) of their nodes' risk instead of warming with today's events, as it stands now (风险) or as
 * it is forecast to stand in 24 hours (预测, 未诉先办). Which scene is drawn is one global-state key
 * of the style, so switching is a single call (MapLibre re-lays the fills' tiles from the data its
 * workers already hold; nothing is sent again) and every fill's expression says what it draws in
 * each scene. A node's level now is its `risk` feature-state and its forecast level its `forecast`
 * one, each set by the map component only where it changed, so a frame never resends a source.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl'
import { RISK_LEVELS, type RiskLevel, type RiskThresholds } from '../../domain/risk.ts'

/** What the tier fills show: today's events (the resting scene), risk by grid now, or in 24 hours. In rotation order. */
export const MAP_SCENES = ['events', 'risk', 'forecast'] as const
export type MapScene = (typeof MAP_SCENES)[number]

/** The scenes whose fills take the five colours. */
export const isRiskScene = (s: MapScene): boolean => s !== 'events'

/** The style's global-state key holding the scene. */
export const SCENE_STATE = 'scene'

/** Declared in the style so a fill reads `events` before anyone switched anything. */
export function sceneStateSpec(): NonNullable<StyleSpecification['state']> {
  return { [SCENE_STATE]: { default: 'events' satisfies MapScene } }
}

/**
 * Bright enough to read through a half-transparent fill on the dark wall, and apart from the
 * street tints (cyan–teal) so a blue risk never reads as "no colour".
 */
export const RISK_COLORS: Record<RiskLevel, string> = {
  green: '#2fbf71',
  blue: '#3d8bff',
  yellow: '#ffd43b',
  orange: '#ff8a1f',
  red: '#e5484d',
}

/** A node with no score (a micro-grid not loaded yet, a server without risk): a neutral slate. */
export const NO_RISK_COLOR = '#5b6b80'

/** The feature-states holding a node's level now and its forecast level. */
export const RISK_STATE = 'risk'
export const FORECAST_STATE = 'forecast'

/** True while the map shows either risk scene. */
export const inRiskScene: ExpressionSpecification = ['!=', ['global-state', SCENE_STATE], 'events' satisfies MapScene]

/** True while the map shows the forecast. */
export const inForecastScene: ExpressionSpecification = ['==', ['global-state', SCENE_STATE], 'forecast' satisfies MapScene]

/** The level the scene draws: the forecast's in the forecast scene, the level now otherwise. */
const riskState: ExpressionSpecification = [
  'string',
  ['case', inForecastScene, ['feature-state', FORECAST_STATE], ['feature-state', RISK_STATE]],
  '',
]

export const hasRisk: ExpressionSpecification = ['!=', riskState, '']

/** The node's five-colour level as a colour; slate for a node without one. */
export const riskColor = [
  'match', riskState,
  ...RISK_LEVELS.flatMap((l) => [l, RISK_COLORS[l]]),
  NO_RISK_COLOR,
] as unknown as ExpressionSpecification

/** Semi-transparent, so outlines, events and the basemap stay readable beneath. */
export const RISK_FILL_OPACITY = { scored: 0.5, hover: 0.72, none: 0.12 } as const

/**
 * `events` in the events scene and `risk` in either risk scene.
 *
 * @example
 * byScene('#114a78', riskColor) // ['case', inRiskScene, riskColor, '#114a78']
 */
export function byScene(
  events: ExpressionSpecification | string | number,
  risk: ExpressionSpecification | string | number,
): ExpressionSpecification {
  return ['case', inRiskScene, risk, events]
}

export interface RiskLegendRow {
  level: RiskLevel
  color: string
  /** The lowest score of the level (0 for green). */
  from: number
  /** The next level's lowest score; null for red. */
  to: number | null
}

const lowestScore = (level: RiskLevel, t: RiskThresholds) => (level === 'green' ? 0 : t[level])

/**
 * The legend's five rows, lowest first, each with the scores it covers under these thresholds.
 *
 * @example
 * riskLegend({ blue: 20, yellow: 40, orange: 60, red: 80 }).at(-1) // { level: 'red', color: '#e5484d', from: 80, to: null }
 */
export function riskLegend(t: RiskThresholds): RiskLegendRow[] {
  return RISK_LEVELS.map((level, i) => {
    const next = RISK_LEVELS[i + 1]
    return { level, color: RISK_COLORS[level], from: lowestScore(level, t), to: next ? lowestScore(next, t) : null }
  })
}

/**
 * A score as the wall prints it: rounded down, so a 59.6 (yellow under thresholds at 60) never
 * reads "60" beside a legend saying orange starts there.
 *
 * @example
 * shownScore(59.6) // 59
 */
export function shownScore(score: number): number {
  return Math.floor(score)
}
