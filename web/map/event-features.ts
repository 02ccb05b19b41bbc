/** Events as GeoJSON points for the map's event layers. */
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { Severity, Source, StoredEvent } from '../../domain/event.ts'
import { isFeedWorthy } from '../feed/feed-rows.ts'
import { markerStyle, type MarkerKind } from '../feed/source-style.ts'
import { severityRank } from './severity-colors.ts'

export interface EventPointProps {
  /** The event's id: what a click on the marker opens in the detail drawer. */
  id: string
  seq: number
  source: Source
  /** The marker's icon image (`source-style.ts`): a sensor's by its state. */
  kind: MarkerKind
  /** The source's colour (a sensor's by its state), the marker's fill. */
  color: string
  severity: Severity
  /** 0 (minor) to 3 (extreme); drives radius and draw order. */
  rank: number
  /** 1 for the newest event fading to 0.35 for the oldest shown, so recent ones stand out. */
  recency: number
}

/**
 * @example
 * eventFeatures(feed).features[0].properties
 * // { id: 'evt-41', seq: 41, source: 'sensor', kind: 'sensor_fault', color: '#f2a93b', severity: 'minor', rank: 0, recency: 0.35 }
 */
export function eventFeatures(feed: readonly StoredEvent[]): FeatureCollection<Point, EventPointProps> {
  const shown = feed.filter(isFeedWorthy)
  const n = shown.length
  const features = shown.map((e, i): Feature<Point, EventPointProps> => {
    const style = markerStyle(e)
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [e.location.lng, e.location.lat] },
      properties: {
        id: e.id,
        seq: e.seq,
        source: e.source,
        kind: style.kind,
        color: style.color,
        severity: e.severity,
        rank: severityRank(e.severity),
        recency: n <= 1 ? 1 : 0.35 + (0.65 * i) / (n - 1),
      },
    }
  })
  return { type: 'FeatureCollection', features }
}
