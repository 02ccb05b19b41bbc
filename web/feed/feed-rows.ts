/**
 * What the live feed shows for each event. User-supplied text (title, description) is passed
 * through as a plain string; the component renders it with text interpolation, never as HTML.
 */
import type { Severity, Source, StoredEvent } from '../../domain/event.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import { formatClock } from '../format/format-time.ts'

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

/** Heartbeats say a sensor is alive; they are not events anyone should read on the wall. */
export function isFeedWorthy(event: StoredEvent): boolean {
  return !(event.source === 'sensor' && event.attrs['state'] === 'heartbeat')
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
    })
  }
  return rows
}
