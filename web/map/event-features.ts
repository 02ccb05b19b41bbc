/** Events as GeoJSON points for the map's event layers. */
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { Severity, StoredEvent } from '../../domain/event.ts'
import { isFeedWorthy } from '../feed/feed-rows.ts'
import { severityRank } from './severity-colors.ts'

export interface EventPointProps {
  seq: number
  severity: Severity
  /** 0 (minor) to 3 (extreme); drives radius and draw order. */
  rank: number
  /** 1 for the newest event fading to 0.35 for the oldest shown, so recent ones stand out. */
  recency: number
}

/**
 * @example
 * eventFeatures(feed).features[0].properties // { seq: 41, severity: 'severe', rank: 2, recency: 0.35 }
 */
export function eventFeatures(feed: readonly StoredEvent[]): FeatureCollection<Point, EventPointProps> {
  const shown = feed.filter(isFeedWorthy)
  const n = shown.length
  const features: Feature<Point, EventPointProps>[] = shown.map((e, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [e.location.lng, e.location.lat] },
    properties: {
      seq: e.seq,
      severity: e.severity,
      rank: severityRank(e.severity),
      recency: n <= 1 ? 1 : 0.35 + (0.65 * i) / (n - 1),
    },
  }))
  return { type: 'FeatureCollection', features }
}
