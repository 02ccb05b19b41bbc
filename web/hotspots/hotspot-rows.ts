/**
 * The automatic hotspots (高频事件) as the wall's box and the post's tab list them: those still waiting
 * for a department first, the biggest first among them, each with its category in words, where it
 * is, how many reports against how many are usual, and the span of time they came in.
 */
import type { AutoHotspot } from '../../domain/hotspots.ts'
import { categoryLabel } from '../feed/feed-rows.ts'
import { formatClock, formatDate, formatWhen } from '../format/format-time.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'

export interface HotspotRow {
  id: string
  type: AutoHotspot['type']
  /** The category in the UI's language. */
  category: string
  /** The street, then the community (a frequency hotspot's own; a cluster's, from its centre's path). */
  area: string
  count: number
  /** What the baseline expects in the window (frequency hotspots); null for clusters. */
  expected: number | null
  baseline: 'own' | 'district' | null
  /** From a cluster's centre to its farthest report; null for frequency hotspots. */
  radiusM: number | null
  /** From its first report to its latest (`HH:mm–HH:mm`, a date where it is not today). */
  span: string
  /** The topic case it was sent as; null while it waits. */
  caseId: string | null
  streetId: string | null
}

export interface HotspotRowOptions {
  locale: AppLocale
  now: number
  /** Any loaded node's name by id (stores/geo.ts `nodeNames`). */
  nameOf: (id: string) => string | undefined
  /** Leave the street out of the area (the post, where every row is in its street). */
  withoutStreet?: boolean
}

/**
 * Waiting ones first (a sent one needs nobody's attention on the wall), then most reports, then the
 * most recent; ties by id, so the box does not reshuffle between loads.
 *
 * @example
 * rankHotspots([sent12, waiting6, waiting9]).map((h) => h.count) // [9, 6, 12]
 */
export function rankHotspots<H extends Pick<AutoHotspot, 'id' | 'count' | 'lastAt' | 'caseId'>>(list: readonly H[]): H[] {
  return [...list].sort(
    (a, b) =>
      Number(a.caseId !== null) - Number(b.caseId !== null) ||
      b.count - a.count ||
      (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/**
 * From the first report to the latest, the day given only where it is not today and not repeated.
 *
 * @example
 * // now: 2026-11-29 15:00 Chengdu
 * timeSpan('2026-11-29T01:10:00Z', '2026-11-29T06:32:00Z', now) // '09:10–14:32'
 * timeSpan('2026-11-28T13:10:00Z', '2026-11-29T06:32:00Z', now) // '11-28 21:10–14:32'
 */
export function timeSpan(firstAt: string, lastAt: string, now: number): string {
  const from = formatWhen(firstAt, now)
  const to = formatDate(firstAt) === formatDate(lastAt) ? formatClock(lastAt).slice(0, 5) : formatWhen(lastAt, now)
  return from === to || to === '' ? from : `${from}–${to}`
}

/** Where the hotspot is, in names; a community not loaded yet is left out rather than shown as an id. */
export function hotspotArea(h: AutoHotspot, nameOf: (id: string) => string | undefined, withoutStreet = false): string {
  const street = !withoutStreet && h.path.street ? (nameOf(h.path.street) ?? h.path.street) : null
  const community = h.type === 'frequency' ? h.areaName : h.path.community ? (nameOf(h.path.community) ?? null) : null
  return [street, community].filter((s): s is string => !!s).join(' · ')
}

export function hotspotRow(h: AutoHotspot, opts: HotspotRowOptions): HotspotRow {
  return {
    id: h.id,
    type: h.type,
    category: categoryLabel(h.source, h.category, opts.locale),
    area: hotspotArea(h, opts.nameOf, opts.withoutStreet),
    count: h.count,
    expected: h.type === 'frequency' ? h.expected : null,
    baseline: h.type === 'frequency' ? h.baseline : null,
    radiusM: h.type === 'cluster' ? Math.round(h.radiusM) : null,
    span: timeSpan(h.firstAt, h.lastAt, opts.now),
    caseId: h.caseId,
    streetId: h.path.street,
  }
}

export function hotspotRows(list: readonly AutoHotspot[], opts: HotspotRowOptions): HotspotRow[] {
  return rankHotspots(list).map((h) => hotspotRow(h, opts))
}
