/**
 * What the briefing's hotspot map draws: a numbered marker per hotspot at its community's label
 * point (the number matches the table's), over the district's own outline and streets, framed on
 * the briefing's scope. No remote tiles or glyphs: the numbers are images the page paints
 * (hotspot-number-images.ts), so the whole map is one canvas that prints as a picture.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import type { Briefing } from '../../domain/briefing.ts'
import type { NodeProps } from '../../domain/geo.ts'

export const HOTSPOT_SOURCE = 'briefing-hotspots'
export const HOTSPOT_LAYER = 'briefing-hotspot-markers'

/** The image of marker number `no`. */
export const numberImageId = (no: number): string => `briefing-hotspot-${no}`

export interface HotspotMarkerProps {
  no: number
  image: string
  /** Pixels from the point: markers of hotspots in one community are set around its label point. */
  offset: [number, number]
}

/** How far markers sharing a point are set from it, at least, pixels: a marker's radius. */
export const SPREAD_PX = 11
/** A marker's width on the circle, pixels: a little under its 24 px, so a ring of them touches. */
const MARKER_STEP_PX = 21

/**
 * Offsets that keep markers at one point apart: one stays on the point, two or more stand round it
 * on a circle (wider the more there are), the first at the top and the rest clockwise. A community can hold several hotspots
 * (one a category), all placed at its label point.
 *
 * @example
 * spreadOffsets(1) // [[0, 0]]
 * spreadOffsets(2) // [[0, -11], [0, 11]]
 */
export function spreadOffsets(n: number, minRadius = SPREAD_PX): [number, number][] {
  if (n <= 1) return [[0, 0]]
  // Many at one point need a wider circle, or their numbers hide one another.
  const radius = Math.max(minRadius, (n * MARKER_STEP_PX) / (2 * Math.PI))
  const round = (v: number) => Math.round(v * 10) / 10 || 0
  return Array.from({ length: n }, (_, k) => {
    const angle = (2 * Math.PI * k) / n
    return [round(radius * Math.sin(angle)), round(-radius * Math.cos(angle))] as [number, number]
  })
}

/**
 * @example
 * hotspotFeatures([{ no: 1, location: { lng: 104.08, lat: 30.66 } }]).features[0].properties
 * // { no: 1, image: 'briefing-hotspot-1', offset: [0, 0] }
 */
export function hotspotFeatures(rows: readonly { no: number; location: { lng: number; lat: number } }[]): FeatureCollection<Point, HotspotMarkerProps> {
  const at = (r: (typeof rows)[number]) => `${r.location.lng},${r.location.lat}`
  const groups = new Map<string, number[]>()
  for (const r of rows) groups.set(at(r), [...(groups.get(at(r)) ?? []), r.no])
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => {
      const group = groups.get(at(r))!
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [r.location.lng, r.location.lat] },
        properties: { no: r.no, image: numberImageId(r.no), offset: spreadOffsets(group.length)[group.indexOf(r.no)]! },
      }
    }),
  }
}

type Area = Feature<Polygon | MultiPolygon, NodeProps>

/**
 * What the camera frames: a street's briefing its street, the district's the whole district. Null
 * until the boundaries it needs have loaded.
 */
export function mapFocus(
  scope: Briefing['scope'],
  district: FeatureCollection<Polygon | MultiPolygon, NodeProps> | null,
  streets: FeatureCollection<Polygon | MultiPolygon, NodeProps> | null,
): FeatureCollection<Polygon | MultiPolygon, NodeProps> | null {
  const pick = (fc: typeof district, id: string): Area[] => (fc?.features ?? []).filter((f) => f.properties.id === id)
  const features = scope.level === 'street' ? pick(streets, scope.id) : (district?.features ?? [])
  return features.length > 0 ? { type: 'FeatureCollection', features } : null
}
