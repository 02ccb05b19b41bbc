/**
 * How public warning areas (CAP polygons and circles) look on the map: a translucent fill and a
 * dashed outline in the severity's colour, beneath the events so a warning never hides what happens
 * inside it.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import { SEVERITY_COLORS } from './severity-colors.ts'

export const WARNING_SOURCE = 'warnings'
export const WARNING_LAYERS = { fill: 'warning-fill', line: 'warning-line' } as const

const color: ExpressionSpecification = [
  'match', ['get', 'severity'],
  'extreme', SEVERITY_COLORS.extreme,
  'severe', SEVERITY_COLORS.severe,
  'moderate', SEVERITY_COLORS.moderate,
  SEVERITY_COLORS.minor,
]

export function warningLayers(): LayerSpecification[] {
  return [
    { id: WARNING_LAYERS.fill, type: 'fill', source: WARNING_SOURCE, paint: { 'fill-color': color, 'fill-opacity': 0.16 } },
    {
      id: WARNING_LAYERS.line,
      type: 'line',
      source: WARNING_SOURCE,
      paint: { 'line-color': color, 'line-width': 2.4, 'line-dasharray': [3, 2], 'line-opacity': 0.95 },
    },
  ]
}
