/**
 * The replayed moment as the map's two GeoJSON sources: a trail of small dots fading out over the
 * last `fadeMs`, and the freshest events drawn the way the wall draws a new one (the source's colour
 * and icon, ringed and haloed by severity; map/district-style.ts), so a colour means the same thing
 * on both screens. Only the window is built, never the day.
 */
import type { Feature, FeatureCollection, Point } from 'geojson'
import { SEVERITIES, SOURCES } from '../../domain/event.ts'
import { MARKER_KINDS, MARKER_STYLES } from '../feed/source-style.ts'
import type { EventPointProps } from '../map/event-features.ts'
import type { ReplayData } from './decode-replay.ts'
import { eventWindow, FRESH_SHARE } from './replay-window.ts'

/** The most trail dots drawn at once (the latest). */
export const MAX_TRAIL = 3000
/** The most events drawn with the wall's marker at once. */
export const MAX_FRESH = 250

export interface TrailProps {
  /** The marker's colour (a sensor's by its state). */
  color: string
  /** 0 (minor) to 3 (extreme). */
  rank: number
  /** 1 as it lands, down to 0 as it leaves the trail. */
  fade: number
}

export interface ReplayFeatures {
  trail: FeatureCollection<Point, TrailProps>
  fresh: FeatureCollection<Point, EventPointProps>
}

function point<P>(data: ReplayData, i: number, properties: P): Feature<Point, P> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [data.lng[i]!, data.lat[i]!] }, properties }
}

/**
 * @example
 * const { trail, fresh } = replayFeatures(data, clockTime, fadeMsFor(60))
 * trail.features[0].properties // { color: '#33d6c2', rank: 1, fade: 0.42 }
 */
export function replayFeatures(data: ReplayData, t: number, fadeMs: number): ReplayFeatures {
  const { start, end } = eventWindow(data.at, t, fadeMs, MAX_TRAIL)
  const freshMs = fadeMs * FRESH_SHARE
  const trail: Feature<Point, TrailProps>[] = []
  const fresh: Feature<Point, EventPointProps>[] = []
  for (let i = start; i < end; i++) {
    const age = t - data.at[i]!
    const style = MARKER_STYLES[MARKER_KINDS[data.kind[i]!]!]
    const rank = data.severity[i]!
    trail.push(point(data, i, { color: style.color, rank, fade: Math.max(0, Math.min(1, 1 - age / fadeMs)) }))
    if (age < freshMs && end - i <= MAX_FRESH) {
      const seq = data.seq[i]!
      fresh.push(point(data, i, {
        id: String(seq),
        seq,
        source: SOURCES[data.source[i]!]!,
        kind: style.kind,
        color: style.color,
        severity: SEVERITIES[rank]!,
        rank,
        // As the wall's feed fades its older markers: from 1 down to 0.35.
        recency: 1 - 0.65 * Math.max(0, Math.min(1, age / freshMs)),
      }))
    }
  }
  return { trail: { type: 'FeatureCollection', features: trail }, fresh: { type: 'FeatureCollection', features: fresh } }
}
