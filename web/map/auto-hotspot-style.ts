/**
 * The automatic hotspots (高频事件) on the map, in a colour of their own (magenta: no source, severity,
 * risk level or detection ring uses it): a cluster as a ring as wide as its reports lie apart, in
 * metres, so it grows as the map closes in; a frequency hotspot as a fixed ring at its community's
 * label point (the whole community is what is hot, not a spot in it). Never smaller than a thumb at
 * the district's zoom, where 150 m is three pixels. Sent ones fade: a department has them.
 * Names and counts are HTML chips (the map has no glyphs); one per category and community, since a
 * cluster and its community's frequency hotspot would otherwise print the same words twice.
 */
import type { FeatureCollection, Point } from 'geojson'
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import type { AutoHotspot } from '../../domain/hotspots.ts'

export const AUTO_HOTSPOT_COLOR = '#e83dff'
export const AUTO_HOTSPOT_SOURCE = 'auto-hotspots'
export const AUTO_HOTSPOT_LAYERS = { glow: 'auto-hotspot-glow', ring: 'auto-hotspot-ring', core: 'auto-hotspot-core' } as const

/** A cluster's ring is never drawn smaller than this, in pixels: clear of the event marker (a 26-pixel badge) at its centre. */
export const MIN_RING_PX = 20
/** A frequency hotspot's ring, in pixels, at every zoom. */
export const FREQUENCY_RING_PX = 26
/** Metres per pixel at zoom 0 on the equator, for MapLibre's 512-pixel tiles. */
const METRES_PER_PX_Z0 = 40_075_016.686 / 512
/** Zooms at which the ring's size is worked out; in between it doubles with each zoom level, as distances do. */
const RING_STOPS = [8, 10, 12, 14, 16, 18, 20] as const

/**
 * Pixels per metre at zoom 0 and latitude `lat` (Web Mercator); times 2^zoom at any other zoom.
 *
 * @example
 * pixelsPerMetreAtZoom0(0) * 2 ** 10 // ≈ 0.0131: at zoom 10 on the equator a pixel is about 76 m
 */
export function pixelsPerMetreAtZoom0(lat: number): number {
  return 1 / (METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180))
}

/**
 * @example
 * autoHotspotFeatures([cluster]).features[0].properties
 * // { id: 'HC-…', type: 'cluster', count: 6, radiusPx0: 0.000589…, sent: false }
 */
export function autoHotspotFeatures(hotspots: readonly AutoHotspot[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: hotspots.map((h) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [h.location.lng, h.location.lat] },
      properties: {
        id: h.id,
        type: h.type,
        count: h.count,
        // The ring's radius in pixels at zoom 0; the style scales it by 2^zoom.
        radiusPx0: h.type === 'cluster' ? h.radiusM * pixelsPerMetreAtZoom0(h.location.lat) : 0,
        sent: h.caseId !== null,
      },
    })),
  }
}

/** The ring's radius at each stop: the cluster's extent in pixels there, at least MIN_RING_PX. */
function ringRadius(): ExpressionSpecification {
  const at = (zoom: number): ExpressionSpecification => [
    'case',
    ['==', ['get', 'type'], 'frequency'],
    FREQUENCY_RING_PX,
    ['max', MIN_RING_PX, ['*', ['get', 'radiusPx0'], 2 ** zoom]],
  ]
  return ['interpolate', ['exponential', 2], ['zoom'], ...RING_STOPS.flatMap((z) => [z, at(z)])] as ExpressionSpecification
}

export function autoHotspotLayers(): LayerSpecification[] {
  const radius = ringRadius()
  const fade = (live: number, sent: number): ExpressionSpecification => ['case', ['get', 'sent'], sent, live]
  return [
    {
      id: AUTO_HOTSPOT_LAYERS.glow,
      type: 'circle',
      source: AUTO_HOTSPOT_SOURCE,
      paint: { 'circle-color': AUTO_HOTSPOT_COLOR, 'circle-radius': radius, 'circle-opacity': fade(0.2, 0.08), 'circle-blur': 0.35 },
    },
    {
      id: AUTO_HOTSPOT_LAYERS.ring,
      type: 'circle',
      source: AUTO_HOTSPOT_SOURCE,
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': radius,
        'circle-stroke-color': AUTO_HOTSPOT_COLOR,
        'circle-stroke-width': ['case', ['==', ['get', 'type'], 'frequency'], 3, 2.5],
        'circle-stroke-opacity': fade(0.95, 0.45),
      },
    },
    {
      id: AUTO_HOTSPOT_LAYERS.core,
      type: 'circle',
      source: AUTO_HOTSPOT_SOURCE,
      paint: { 'circle-color': AUTO_HOTSPOT_COLOR, 'circle-radius': 4, 'circle-opacity': fade(1, 0.5) },
    },
  ]
}

/**
 * The hotspots that get a chip: of those of one category in one community, one still waiting for a
 * department before one sent, then the one with the most reports, then a cluster (its place is the
 * more exact).
 *
 * @example
 * chippedHotspots([frequency(12, '社区A'), cluster(6, '社区A'), cluster(5, '社区B')]) // [frequency(12), cluster(5)]
 */
export function chippedHotspots<H extends AutoHotspot>(hotspots: readonly H[]): H[] {
  const rank = (h: H) => [h.caseId === null ? 1 : 0, h.count, h.type === 'cluster' ? 1 : 0]
  const better = (a: H, b: H) => {
    const [ra, rb] = [rank(a), rank(b)]
    const i = ra.findIndex((v, k) => v !== rb[k])
    return i >= 0 && ra[i]! > rb[i]!
  }
  const best = new Map<string, H>()
  for (const h of hotspots) {
    const key = `${h.source}:${h.category}:${h.path.community ?? h.id}`
    const seen = best.get(key)
    if (!seen || better(h, seen)) best.set(key, h)
  }
  return hotspots.filter((h) => best.get(`${h.source}:${h.category}:${h.path.community ?? h.id}`) === h)
}
