/**
 * What the live feed shows for each event. User-supplied text (title, description) is passed
 * through as a plain string; the component renders it with text interpolation, never as HTML.
 */
import type { Severity, Source, StoredEvent } from '../../domain/event.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import { formatClock } from '../format/format-time.ts'
import { markerStyle, type MarkerStyle } from './source-style.ts'

export interface FeedRow {
  seq: number
  id: string
  sourceId: string
  source: Source
  severity: Severity
  /** `HH:mm:ss` of `occurredAt`, Chengdu time. */
  time: string
  category: string
  /** The street's name; null when the event has no street (outside the district, or unknown id). */
  street: string | null
  outside: boolean
  /** Title, else description, else empty; plain text. */
  text: string
  /** The icon and colour it is drawn with (a sensor's by its state). */
  marker: MarkerStyle
  /** A sensor event's state (`alarm`, `fault`, `offline`, `normal`); null for other sources. */
  sensorState: string | null
}

/**
 * The category's label in the locale; the raw code when the taxonomy does not know it
 * (a CAP warning's event type, or a code newer than this build).
 *
 * @example
 * categoryLabel('sensor', 'smoke', 'zh-CN') // '烟感'
 * categoryLabel('cap', 'Rainstorm', 'en')   // 'Rainstorm'
 */
export function categoryLabel(source: string, code: string, locale: AppLocale): string {
  const def = findCategory(source, code)
  if (!def) return code
  return locale === 'en' ? def.en : def.zh
}

/**
 * Heartbeats say a sensor is alive; they are not events anyone should read on the wall. A detection
 * below the camera's confidence threshold (`alerting: false`) is kept in the store and the stream
 * so seq stays exact, but it is not an alert: no feed row, no marker, no pulse.
 */
export function isFeedWorthy(event: StoredEvent): boolean {
  if (event.source === 'sensor') return event.attrs['state'] !== 'heartbeat'
  if (event.source === 'detection') return event.attrs['alerting'] !== false
  return true
}

/**
 * Rows newest first, at most `limit`.
 *
 * @example
 * feedRows(events, { locale: 'zh-CN', streetName: (id) => names.get(id) })
 */
export function feedRows(
  feed: readonly StoredEvent[],
  options: { locale: AppLocale; streetName: (id: string) => string | undefined; limit?: number },
): FeedRow[] {
  const limit = options.limit ?? feed.length
  const rows: FeedRow[] = []
  for (let i = feed.length - 1; i >= 0 && rows.length < limit; i--) {
    const e = feed[i]
    if (!e || !isFeedWorthy(e)) continue
    const streetId = e.path.street
    rows.push({
      seq: e.seq,
      id: e.id,
      sourceId: e.sourceId,
      source: e.source,
      severity: e.severity,
      time: formatClock(e.occurredAt),
      category: categoryLabel(e.source, e.category, options.locale),
      street: streetId === null ? null : (options.streetName(streetId) ?? null),
      outside: e.outside,
      text: (e.title ?? '').trim() || (e.description ?? '').trim(),
      marker: markerStyle(e),
      sensorState: e.source === 'sensor' && typeof e.attrs['state'] === 'string' ? e.attrs['state'] : null,
    })
  }
  return rows
}
