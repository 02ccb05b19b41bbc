/**
 * Today's counters and per-node roll-up, kept in memory from the bus, so a snapshot costs a copy
 * rather than a scan of the day's events (about 400 ms for 100,000 events with SQLite's
 * json_extract, which 200 walls reconnecting after a restart would queue up behind one another).
 *
 * Kept per street as well as district-wide, so a street scope is exact without assuming anything
 * about how ids are formed. Loaded once from the store at boot; reset at Shanghai midnight.
 */
import type { Scope } from '../../domain/auth.ts'
import type { Path, StoredEvent } from '../../domain/event.ts'
import type { Counts } from '../../domain/socket.ts'
import { addPath } from '../../geo/rollup-paths.ts'
import type { CountRow, EventStore } from '../store/event-store.ts'

const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** Local midnight in Asia/Shanghai (no daylight saving), as an ISO instant. */
export function startOfShanghaiDay(now: Date): string {
  const local = now.getTime() + SHANGHAI_OFFSET_MS
  return new Date(local - (local % 86_400_000) - SHANGHAI_OFFSET_MS).toISOString()
}

type Tally = Omit<Counts, 'since'>
type Countable = { source: string; severity: string; path: Path }

const emptyTally = (): Tally => ({ total: 0, bySource: {}, bySeverity: {}, byNode: {} })

function addTo(t: Tally, e: Countable, n: number): void {
  t.total += n
  t.bySource[e.source] = (t.bySource[e.source] ?? 0) + n
  t.bySeverity[e.severity] = (t.bySeverity[e.severity] ?? 0) + n
  addPath(t.byNode, e.path, n)
}

/** Drops zeros left by subtraction, so payloads list only what has events, as the store's do. */
function withoutZeros(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).filter(([, n]) => n !== 0))
}

function toCounts(t: Tally, since: string): Counts {
  return { total: t.total, bySource: withoutZeros(t.bySource), bySeverity: withoutZeros(t.bySeverity), byNode: withoutZeros(t.byNode), since }
}

/**
 * Counters from the store's grouped rows (the slow, exact path).
 *
 * @example
 * countsFromRows(store.countBy({ receivedSince, untilSeq }), receivedSince).byNode['510108'] // today's total in the district
 */
export function countsFromRows(rows: readonly CountRow[], since: string): Counts {
  const t = emptyTally()
  for (const r of rows) addTo(t, r, r.n)
  return toCounts(t, since)
}

/** Events outside every street (outside the district) are tallied under this key. */
const NO_STREET = ''

export class DailyCounts {
  private since = ''
  private district = emptyTally()
  private streets = new Map<string, Tally>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Today's totals as the store holds them up to `untilSeq` (once, at boot). */
  load(store: EventStore, untilSeq: number): void {
    this.reset(startOfShanghaiDay(this.now()))
    for (const r of store.countBy({ receivedSince: this.since, untilSeq })) {
      addTo(this.district, r, r.n)
      addTo(this.tally(r.path.street), r, r.n)
    }
  }

  /** Counts committed events (called from the bus, in the same turn as the store's seq advances). */
  add(events: readonly StoredEvent[]): void {
    this.rollover()
    for (const e of events) {
      if (e.receivedAt < this.since) continue
      addTo(this.district, e, 1)
      addTo(this.tally(e.path.street), e, 1)
    }
  }

  /**
   * The counts for a scope, less `pending`: events already counted here but not yet sent to the
   * scope's room, so the result is exact as of the snapshot's seq.
   */
  forScope(scope: Scope, pending: readonly StoredEvent[] = []): Counts {
    this.rollover()
    const from = scope.level === 'street' ? this.streets.get(scope.id) : this.district
    const t = emptyTally()
    if (from) {
      t.total = from.total
      Object.assign(t.bySource, from.bySource)
      Object.assign(t.bySeverity, from.bySeverity)
      Object.assign(t.byNode, from.byNode)
    }
    for (const e of pending) if (e.receivedAt >= this.since) addTo(t, e, -1)
    return toCounts(t, this.since)
  }

  private rollover(): void {
    const today = startOfShanghaiDay(this.now())
    if (today !== this.since) this.reset(today)
  }

  private reset(since: string): void {
    this.since = since
    this.district = emptyTally()
    this.streets.clear()
  }

  private tally(street: string | null): Tally {
    const key = street ?? NO_STREET
    let t = this.streets.get(key)
    if (!t) {
      t = emptyTally()
      this.streets.set(key, t)
    }
    return t
  }
}
