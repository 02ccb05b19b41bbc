/**
 * Detection hotspots on the map: a ring in the AI-detection colour around the camera, wider the more
 * detections it holds, under the event markers so the detections themselves stay tappable.
 */
import type { FeatureCollection, Point } from 'geojson'
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import type { Hotspot } from '../../domain/cameras.ts'
import { SOURCE_COLORS } from '../feed/source-style.ts'

export const HOTSPOT_SOURCE = 'hotspots'
export const HOTSPOT_LAYERS = { glow: 'hotspot-glow', ring: 'hotspot-ring' } as const

/** Rings stop growing here, so one busy camera cannot cover a street. */
const MAX_COUNTED = 12

/**
 * @example
 * hotspotFeatures([{ id: 'HS-…', count: 4, location: { lng: 104.1, lat: 30.6 }, … }]).features[0].properties
 * // { id: 'HS-…', count: 4, kind: 'dog_unleashed', cameraId: 'CAM-…' }
 */
export function hotspotFeatures(hotspots: readonly Hotspot[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: hotspots.map((h) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [h.location.lng, h.location.lat] },
      properties: { id: h.id, count: Math.min(h.count, MAX_COUNTED), kind: h.kind, cameraId: h.cameraId },
    })),
  }
}

export function hotspotLayers(): LayerSpecification[] {
  const radius: ExpressionSpecification = ['+', 16, ['*', 2.5, ['get', 'count']]]
  return [
    {
      id: HOTSPOT_LAYERS.glow,
      type: 'circle',
      source: HOTSPOT_SOURCE,
      paint: { 'circle-color': SOURCE_COLORS.detection, 'circle-radius': radius, 'circle-opacity': 0.18, 'circle-blur': 0.6 },
    },
    {
      id: HOTSPOT_LAYERS.ring,
      type: 'circle',
      source: HOTSPOT_SOURCE,
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': radius,
        'circle-stroke-color': SOURCE_COLORS.detection,
        'circle-stroke-width': 2.5,
        'circle-stroke-opacity': 0.9,
      },
    },
  ]
}
