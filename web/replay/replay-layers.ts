/**
 * The replay map's own layer: the fading trail, small dots beneath the wall's event markers (which
 * the replay reuses for its freshest events), so the last minutes read as a wake behind what just
 * happened. Dots take the source's colour like the wall's; severe and extreme ones keep a thin
 * ring of their severity's colour.
 */
import type { CircleLayerSpecification } from 'maplibre-gl'
import { severityColor } from '../map/district-style.ts'

export const TRAIL_SOURCE = 'replay-trail'
export const TRAIL_LAYER = 'replay-trail'

export function trailLayer(): CircleLayerSpecification {
  return {
    id: TRAIL_LAYER,
    type: 'circle',
    source: TRAIL_SOURCE,
    layout: { 'circle-sort-key': ['get', 'rank'] },
    paint: {
      'circle-color': ['to-color', ['get', 'color']],
      'circle-radius': ['+', 3, ['*', 0.9, ['get', 'rank']]],
      'circle-opacity': ['*', 0.85, ['get', 'fade']],
      'circle-blur': 0.2,
      'circle-stroke-color': severityColor,
      'circle-stroke-width': ['case', ['>=', ['get', 'rank'], 2], 1.2, 0],
      'circle-stroke-opacity': ['get', 'fade'],
    },
  }
}
