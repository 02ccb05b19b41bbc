/**
 * The source icons drawn on the map's event dots. Each icon is an image the wall paints itself
 * (map/marker-images.ts) and hands to MapLibre with `addImage`, so the symbol layer needs no
 * sprite, and it has no text, so it needs no glyphs: the map stays offline.
 */
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl'
import { MARKER_KINDS, type MarkerKind } from '../feed/source-style.ts'
import { LAYERS, SOURCES } from './district-style.ts'

export const EVENT_ICON_LAYER = 'event-icon'

/** The layers a click or tap on an event is looked for in, topmost first. */
export const EVENT_HIT_LAYERS = [EVENT_ICON_LAYER, LAYERS.eventDot] as const

/** @example markerImageId('sensor_fault') // 'gw-marker-sensor_fault' */
export function markerImageId(kind: MarkerKind): string {
  return `gw-marker-${kind}`
}

export const MARKER_IMAGE_IDS: readonly string[] = MARKER_KINDS.map(markerImageId)

const imageOf: ExpressionSpecification = ['concat', 'gw-marker-', ['get', 'kind']]

/** The icon layer, drawn over the event dots (same source, same order). */
export function eventIconLayer(): SymbolLayerSpecification {
  return {
    id: EVENT_ICON_LAYER,
    type: 'symbol',
    source: SOURCES.events,
    layout: {
      'icon-image': imageOf,
      // Scaled with the dot beneath it (radius 9 + 1.5 per severity step).
      'icon-size': ['+', 0.78, ['*', 0.09, ['get', 'rank']]],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'icon-opacity': ['get', 'recency'] },
  }
}

/**
 * How far around a tap to look for an event, in CSS pixels: a fingertip on a touch wall is wider
 * than a dot.
 */
export const HIT_SLOP_PX = 10

export interface MarkerHit {
  id: string
  /** Screen position of the marker, CSS pixels. */
  x: number
  y: number
  /** Severity rank, 0–3. */
  rank: number
}

/**
 * The marker a tap meant among those under it: the nearest, and on a tie the more severe.
 *
 * @example
 * nearestHit([{ id: 'a', x: 0, y: 0, rank: 0 }, { id: 'b', x: 3, y: 4, rank: 3 }], { x: 2, y: 3 }) // 'b'
 */
export function nearestHit(hits: readonly MarkerHit[], point: { x: number; y: number }): string | undefined {
  let best: { id: string; d: number; rank: number } | undefined
  for (const h of hits) {
    const d = Math.hypot(h.x - point.x, h.y - point.y)
    if (!best || d < best.d - 0.5 || (Math.abs(d - best.d) <= 0.5 && h.rank > best.rank)) best = { id: h.id, d, rank: h.rank }
  }
  return best?.id
}
