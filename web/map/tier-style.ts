/**
 * Layers for the lower tiers (社区, 网格, 微网格): one GeoJSON source per tier (with `promoteId`,
 * so feature-state addresses features by their hierarchy id) and a fill, an outline and a
 * highlight edge on each. What a tier shows is switched by filter and visibility (`tierView`);
 * hover, selection, event counts and risk levels are feature-state, so the 2.5 MB micro-grid
 * source is sent to the worker once and never again.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from 'maplibre-gl'
import { LOWER_LEVELS, type LowerLevel, type TierPlan } from './hierarchy.ts'
import { byScene, hasRisk, RISK_FILL_OPACITY, riskColor } from './risk-style.ts'

export const TIER_SOURCES: Record<LowerLevel, string> = {
  community: 'community',
  grid: 'grid',
  microgrid: 'microgrid',
}

export interface TierLayerIds {
  fill: string
  line: string
  edge: string
}

export const TIER_LAYERS: Record<LowerLevel, TierLayerIds> = {
  community: { fill: 'community-fill', line: 'community-line', edge: 'community-edge' },
  grid: { fill: 'grid-fill', line: 'grid-line', edge: 'grid-edge' },
  microgrid: { fill: 'microgrid-fill', line: 'microgrid-line', edge: 'microgrid-edge' },
}

const hover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false]
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false]
/** 0–1: the node's events over its busiest sibling's, set by the map component. */
const share: ExpressionSpecification = ['number', ['feature-state', 'share'], 0]

/** Cool blue for a quiet node, warming to orange-red for the busiest one. */
export const HEAT_STOPS = [
  [0, '#114a78'],
  [0.34, '#1c8fb0'],
  [0.67, '#e3a531'],
  [1, '#ff5a3c'],
] as const

const heatColor: ExpressionSpecification = [
  'interpolate', ['linear'], share,
  ...HEAT_STOPS.flatMap(([at, colour]) => [at, colour] as const),
] as unknown as ExpressionSpecification

/** Outlines thicken as the camera closes in, so 6,283 micro-grids at district zoom stay a fine mesh. */
const zoomWidth = (at11: number, at16: number): ExpressionSpecification =>
  ['interpolate', ['linear'], ['zoom'], 11, at11, 16, at16]

const LINE: Record<LowerLevel, { colour: string; width: ExpressionSpecification }> = {
  community: { colour: '#7fe3ff', width: zoomWidth(1.2, 2) },
  grid: { colour: '#5cc8f0', width: zoomWidth(0.8, 1.4) },
  microgrid: { colour: '#4fb3de', width: zoomWidth(0.45, 1.1) },
}

/** The fills (bottom), then outlines from the finest up, then highlight edges. */
export function tierLayers(): LayerSpecification[] {
  const fills: LayerSpecification[] = LOWER_LEVELS.map((tier) => ({
    id: TIER_LAYERS[tier].fill,
    type: 'fill',
    source: TIER_SOURCES[tier],
    layout: { visibility: 'none' },
    // The risk scene (map/risk-style.ts) keeps the colour under the pointer and on the selected
    // micro-grid (its outline marks it): there the colour is the news.
    paint: {
      'fill-color': byScene(['case', hover, '#35d6ff', selected, '#27e1ff', heatColor], riskColor),
      'fill-opacity': byScene(
        ['case', hover, 0.62, selected, 0.55, ['+', 0.3, ['*', 0.3, share]]],
        ['case', ['any', hover, selected], RISK_FILL_OPACITY.hover, hasRisk, RISK_FILL_OPACITY.scored, RISK_FILL_OPACITY.none],
      ),
    },
  }))
  const lines: LayerSpecification[] = [...LOWER_LEVELS].reverse().map((tier) => ({
    id: TIER_LAYERS[tier].line,
    type: 'line',
    source: TIER_SOURCES[tier],
    layout: { visibility: 'none', 'line-join': 'round' },
    paint: { 'line-color': LINE[tier].colour, 'line-width': LINE[tier].width, 'line-opacity': 0.7 },
  }))
  const edges: LayerSpecification[] = [...LOWER_LEVELS].reverse().map((tier) => ({
    id: TIER_LAYERS[tier].edge,
    type: 'line',
    source: TIER_SOURCES[tier],
    layout: { visibility: 'none', 'line-join': 'round' },
    paint: {
      'line-color': ['case', selected, '#ffffff', '#aef4ff'],
      'line-width': ['case', selected, 3, hover, 2.4, 0],
      'line-opacity': 0.95,
    },
  }))
  return [...fills, ...lines, ...edges]
}

/** Filter, visibility and outline opacity for each of a tier's layers under a plan. */
export interface TierView {
  filter: FilterSpecification | null
  fill: boolean
  line: boolean
  lineOpacity: number
}

/**
 * How a tier's layers are set for a plan: focus is filled and outlined, context only outlined
 * (fainter), `all` outlines every feature faintly enough that 6,283 of them read as a texture.
 *
 * @example
 * tierView({ mode: 'focus', parentId: '510108001' })
 * // { filter: ['==', ['get', 'parentId'], '510108001'], fill: true, line: true, lineOpacity: 0.8 }
 */
export function tierView(plan: TierPlan): TierView {
  switch (plan.mode) {
    case 'hidden':
      return { filter: null, fill: false, line: false, lineOpacity: 0 }
    case 'all':
      return { filter: null, fill: false, line: true, lineOpacity: 0.38 }
    case 'context':
      return { filter: ['==', ['get', 'parentId'], plan.parentId], fill: false, line: true, lineOpacity: 0.45 }
    case 'focus':
      return { filter: ['==', ['get', 'parentId'], plan.parentId], fill: true, line: true, lineOpacity: 0.8 }
  }
}
