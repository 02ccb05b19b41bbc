/**
 * The reports (12345 calls and grid workers' reports) of the last `windowMs`, by category key, as the
 * automatic hotspots read them. Fed from the bus and, at boot, from the store; oldest first per key.
 */
import type { Path, StoredEvent } from '../../domain/event.ts'

export interface Report {
  id: string
  source: StoredEvent['source']
  category: string
  /** `source:category`. */
  key: string
  /** When it happened (never later than when it was received), ms. */
  atMs: number
  lng: number
  lat: number
  /** Shared by every report of the micro-grid: do not mutate. */
  path: Path
}

/** Only people's reports: sensors and cameras have their own alarms and detection hotspots. */
export const REPORT_SOURCES: ReadonlySet<string> = new Set(['hotline', 'incident'])

// A day of a busy district's reports is held here: each report shares its category's strings and its
// micro-grid's path with every other, rather than keeping its event's own copies (about 200 bytes a
// report, half of what it cost). Both are bounded: the taxonomy, and the district's micro-grids.
// Looked up by source, then category: building the `source:category` string first cost more than the rest.
const keys = new Map<string, Map<string, { source: StoredEvent['source']; category: string; key: string }>>()
const paths = new Map<string, Path>()

function sharedKey(source: StoredEvent['source'], category: string) {
  let bySource = keys.get(source)
  if (!bySource) keys.set(source, (bySource = new Map()))
  let k = bySource.get(category)
  if (!k) bySource.set(category, (k = { source, category, key: `${source}:${category}` }))
  return k
}

function sharedPath(p: Path): Path {
  const id = p.microgrid ?? p.grid ?? p.community ?? ''
  const known = paths.get(id)
  if (known && known.community === p.community && known.street === p.street) return known
  const copy = { ...p }
  paths.set(id, copy)
  return copy
}

export function toReport(e: StoredEvent): Report | undefined {
  if (!REPORT_SOURCES.has(e.source) || e.outside || !e.path.community) return undefined
  const { source, category, key } = sharedKey(e.source, e.category)
  return {
    id: e.id, source, category, key,
    // Both are normalised ISO-8601 UTC, so the earlier is the smaller string: one parse, not two.
    atMs: Date.parse(e.occurredAt < e.receivedAt ? e.occurredAt : e.receivedAt),
    lng: e.location.lng, lat: e.location.lat, path: sharedPath(e.path),
  }
}

export class ReportWindow {
  private readonly byKey = new Map<string, Report[]>()

  constructor(private readonly windowMs: number) {}

  add(r: Report): void {
    const list = this.byKey.get(r.key)
    if (!list) this.byKey.set(r.key, [r])
    else if (list.length === 0 || list.at(-1)!.atMs <= r.atMs) list.push(r)
    else list.splice(sortedIndex(list, r.atMs), 0, r) // a late report: kept in time order
  }

  /** Drops what left the window; returns each key's reports still in it. */
  current(nowMs: number): Map<string, Report[]> {
    const since = nowMs - this.windowMs
    for (const [key, list] of this.byKey) {
      const keep = sortedIndex(list, since)
      if (keep === list.length) this.byKey.delete(key)
      else if (keep > 0) list.splice(0, keep)
    }
    return this.byKey
  }
}

/** The first index whose `atMs` is at least `ms`. */
function sortedIndex(list: readonly Report[], ms: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]!.atMs < ms) lo = mid + 1
    else hi = mid
  }
  return lo
}
