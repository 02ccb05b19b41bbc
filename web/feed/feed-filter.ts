/**
 * The source filter over the live feed and the map's event markers. An empty selection means
 * "all" (全部). The selection is written as a comma list (`?sources=sensor,detection`), the form it
 * takes in the URL and in localStorage, so a restarted wall comes back with the same filter.
 */
import { SOURCES, type Source, type StoredEvent } from '../../domain/event.ts'

/** The URL query parameter and the localStorage key the selection lives under. */
export const FILTER_QUERY_KEY = 'sources'
export const FILTER_STORAGE_KEY = 'gridwatch.feedSources'

const isSource = (s: string): s is Source => (SOURCES as readonly string[]).includes(s)

/**
 * The selection written in `text`, in the contract's source order; unknown names are dropped, and
 * nothing (or nothing known) is "all". Null means there was nothing written at all.
 *
 * @example
 * parseSourceFilter('detection,sensor,bogus') // ['sensor', 'detection']
 * parseSourceFilter('')                       // []
 * parseSourceFilter(null)                     // null
 */
export function parseSourceFilter(text: string | null | undefined): Source[] | null {
  if (text === null || text === undefined) return null
  const named = new Set(text.split(',').map((s) => s.trim()))
  return SOURCES.filter((s) => named.has(s) && isSource(s))
}

/** @example serializeSourceFilter(['sensor', 'detection']) // 'sensor,detection' */
export function serializeSourceFilter(selected: readonly Source[]): string {
  return SOURCES.filter((s) => selected.includes(s)).join(',')
}

/**
 * Tapping a chip: adds or removes that source. Selecting every source is the same as "all", so it
 * collapses to the empty selection and the 全部 chip lights up again.
 *
 * @example
 * toggleSource([], 'sensor')         // ['sensor']
 * toggleSource(['sensor'], 'sensor') // []
 */
export function toggleSource(selected: readonly Source[], source: Source): Source[] {
  const next = selected.includes(source) ? selected.filter((s) => s !== source) : [...selected, source]
  const ordered = SOURCES.filter((s) => next.includes(s))
  return ordered.length === SOURCES.length ? [] : ordered
}

/** Whether the event passes the selection (everything passes "all"). */
export function matchesSources(event: Pick<StoredEvent, 'source'>, selected: readonly Source[]): boolean {
  return selected.length === 0 || selected.includes(event.source)
}

/**
 * The events that pass, in their order; the same array when the selection is "all", so the map and
 * the feed do no work while unfiltered.
 */
export function filterBySource<E extends Pick<StoredEvent, 'source'>>(events: readonly E[], selected: readonly Source[]): readonly E[] {
  return selected.length === 0 ? events : events.filter((e) => selected.includes(e.source))
}

/**
 * The selection a wall starts with: the URL's when it names one (a wall's kiosk URL wins), else the
 * one remembered in storage, else all.
 */
export function initialSourceFilter(fromQuery: string | null, fromStorage: string | null): Source[] {
  return parseSourceFilter(fromQuery) ?? parseSourceFilter(fromStorage) ?? []
}
