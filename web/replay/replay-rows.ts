/**
 * The latest replayed events as the list beside the map shows them, newest first. Titles come from
 * producers and are passed as plain strings; the component renders them as text, never as HTML.
 */
import { SEVERITIES, SOURCES, type Severity, type Source } from '../../domain/event.ts'
import { formatClock } from '../format/format-time.ts'
import { categoryLabel } from '../feed/feed-rows.ts'
import { MARKER_KINDS, MARKER_STYLES, type MarkerStyle } from '../feed/source-style.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import type { ReplayData } from './decode-replay.ts'

export interface ReplayRow {
  seq: number
  /** `HH:mm:ss` received, Chengdu time. */
  time: string
  source: Source
  severity: Severity
  /** The icon and colour it is drawn with (a sensor's by its state). */
  marker: MarkerStyle
  category: string
  /** The street's name (its id when the name is unknown); null outside the district. */
  street: string | null
  /** The title; empty without one. */
  text: string
}

/**
 * The `limit` events before `end` (the replayed moment's place), newest first.
 *
 * @example
 * latestRows(data, 120, 8, { locale: 'zh-CN', streetName: geo.streetName }).map((r) => r.seq)
 */
export function latestRows(
  data: ReplayData,
  end: number,
  limit: number,
  options: { locale: AppLocale; streetName: (id: string) => string | undefined },
): ReplayRow[] {
  const rows: ReplayRow[] = []
  for (let i = Math.min(end, data.count) - 1; i >= 0 && rows.length < limit; i--) {
    const source = SOURCES[data.source[i]!]!
    const street = data.street[i]!
    const title = data.title[i]!
    const streetId = street === -1 ? null : data.streets[street]!
    rows.push({
      seq: data.seq[i]!,
      time: formatClock(data.at[i]!),
      source,
      severity: SEVERITIES[data.severity[i]!]!,
      marker: MARKER_STYLES[MARKER_KINDS[data.kind[i]!]!],
      category: categoryLabel(source, data.categories[data.category[i]!]!, options.locale),
      street: streetId === null ? null : (options.streetName(streetId) ?? streetId),
      text: title === -1 ? '' : data.titles[title]!.trim(),
    })
  }
  return rows
}
