/**
 * The reports (12345 calls and grid workers' reports) of the last `windowMs`, by category key, as the
 * automatic hotspots read them. Fed from the bus and, at boot, from the store; oldest first per key.
 */
import type { Path, StoredEvent } from '../../domain/event.ts'

export interface Report {
  id: string
  source: StoredEvent['source']
  category: string
  severity: StoredEvent['severity']
  /** `source:category`. */
  key: string
  /** When it happened (never later than when it was received), ms. */
  atMs: number
  lng: number
  lat: number
  path: Path
}

/** Only people's reports: sensors and cameras have their own alarms and detection hotspots. */
export const REPORT_SOURCES: ReadonlySet<string> = new Set(['hotline', 'incident'])

export function toReport(e: StoredEvent): Report | undefined {
  if (!REPORT_SOURCES.has(e.source) || e.outside || !e.path.community) return undefined
  return {
    id: e.id, source: e.source, category: e.category, severity: e.severity, key: `${e.source}:${e.category}`,
    atMs: Math.min(Date.parse(e.occurredAt), Date.parse(e.receivedAt)),
    lng: e.location.lng, lat: e.location.lat, path: e.path,
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
