/**
 * The active warnings' areas as one GeoJSON FeatureCollection of Polygons (RFC 7946: WGS-84, exterior
 * rings counter-clockwise), for the wall to draw coloured by severity. Circles are approximated with
 * Turf's `circle` (64 steps). A zero-radius circle marks a point, not an area, so it draws nothing; the
 * warning's `location` still places it.
 */
import { circle, polygon, rewind } from '@turf/turf'
import type { Polygon } from 'geojson'
import type { Warning, WarningAreas } from '../../domain/cap.ts'

const CIRCLE_STEPS = 64

/**
 * @example
 * warningAreas([warning]) // { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'evt-1:0:p0', geometry: { type: 'Polygon', … }, properties: { id: 'evt-1', severity: 'severe', … } }] }
 */
export function warningAreas(warnings: readonly Warning[]): WarningAreas {
  const features: WarningAreas['features'] = []
  for (const w of warnings) {
    const properties = {
      id: w.id, identifier: w.identifier, event: w.event, headline: w.headline,
      severity: w.severity, msgType: w.msgType, expires: w.expires, sender: w.sender,
    }
    w.areas.forEach((area, a) => {
      area.polygons.forEach((ring, p) => {
        const geometry = rewind(polygon([ring]).geometry) as Polygon
        features.push({ type: 'Feature', id: `${w.id}:${a}:p${p}`, geometry: { type: 'Polygon', coordinates: geometry.coordinates }, properties })
      })
      area.circles.forEach((c, k) => {
        if (c.radiusKm <= 0) return
        const geometry = circle(c.center, c.radiusKm, { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry
        features.push({ type: 'Feature', id: `${w.id}:${a}:c${k}`, geometry: { type: 'Polygon', coordinates: geometry.coordinates }, properties })
      })
    })
  }
  return { type: 'FeatureCollection', features }
}
