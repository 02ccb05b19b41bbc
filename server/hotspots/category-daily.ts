/**
 * Each community's daily count of each category of reports (Beijing days), the baseline the
 * frequency hotspots compare with. Counted in memory as reports are published, and written to the
 * operations database every minute with the last seq counted (a follower, as in
 * server/store/replayable.ts): what a crash loses is counted again from the store at the next boot.
 */
import type Database from 'better-sqlite3'
import { shanghaiDay } from '../kpi/kpi-periods.ts'
import { followerCursor, replayableTransaction, type FollowerCursor } from '../store/replayable.ts'
import type { Report } from './report-window.ts'

/** The baseline reads at most this many days before today… */
export const BASELINE_DAYS = 28
/** …and none until this many full days have been counted. */
export const MIN_BASELINE_DAYS = 3

export interface CategoryDaily {
  cursor: FollowerCursor
  add(r: Report): void
  /** Writes what changed since the last flush, with the seq it reaches. */
  flush(seq: number): void
  /** The community's mean daily count of the key over the full days before `nowMs`'s, or undefined with too little history. */
  dailyMean(community: string, key: string, nowMs: number): number | undefined
  /** Each community's count of each key over the days `fromDay`…`toDay` as last flushed (the briefing's reading). */
  totals(fromDay: number, toDay: number): Array<{ community: string; key: string; n: number }>
}

export function createCategoryDaily(db: Database.Database, nowMs = Date.now()): CategoryDaily {
  db.exec(`CREATE TABLE IF NOT EXISTS category_daily (
    day INTEGER NOT NULL, community TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (day, community, key)
  )`)
  const cursor = followerCursor(db, 'category-daily')
  const totalsStmt = db.prepare<[number, number], { community: string; key: string; n: number }>(
    'SELECT community, key, sum(n) AS n FROM category_daily WHERE day BETWEEN ? AND ? GROUP BY community, key')
  const upsert = db.prepare('INSERT INTO category_daily (day, community, key, n) VALUES (?, ?, ?, ?) ON CONFLICT (day, community, key) DO UPDATE SET n = excluded.n')
  let first = (db.prepare('SELECT min(day) FROM category_daily').pluck().get() as number | null) ?? undefined
  // community → key → its counts, for the days the baseline can read. Nested maps, not one joined
  // string key: every report published passes through `add`, and building the key cost more than the
  // count. A cell remembers the days changed since the last flush.
  interface Cell { community: string; key: string; byDay: Map<number, number>; changed: number[] }
  const counts = new Map<string, Map<string, Cell>>()
  let dirty: Cell[] = []
  const cellOf = (community: string, key: string): Cell => {
    let byKey = counts.get(community)
    if (!byKey) counts.set(community, (byKey = new Map()))
    let cell = byKey.get(key)
    if (!cell) byKey.set(key, (cell = { community, key, byDay: new Map(), changed: [] }))
    return cell
  }
  const oldest = shanghaiDay(nowMs) - BASELINE_DAYS - 1
  for (const r of db.prepare<[number], { day: number; community: string; key: string; n: number }>('SELECT day, community, key, n FROM category_daily WHERE day >= ?').iterate(oldest)) {
    cellOf(r.community, r.key).byDay.set(r.day, r.n)
  }

  return {
    cursor,
    add(r) {
      const community = r.path.community
      if (!community) return
      const day = shanghaiDay(r.atMs)
      const cell = cellOf(community, r.key)
      cell.byDay.set(day, (cell.byDay.get(day) ?? 0) + 1)
      if (cell.changed.length === 0) dirty.push(cell)
      if (!cell.changed.includes(day)) cell.changed.push(day)
      if (first === undefined || day < first) first = day
    },
    flush(seq) {
      const changed = dirty
      dirty = []
      replayableTransaction(db, () => {
        for (const cell of changed) {
          for (const day of cell.changed) upsert.run(day, cell.community, cell.key, cell.byDay.get(day) ?? 0)
          cell.changed = []
        }
        cursor.set(seq)
      })
      // Days the baseline no longer reads leave memory (the table keeps them).
      const keepFrom = shanghaiDay(Date.now()) - BASELINE_DAYS - 1
      for (const [community, byKey] of counts) {
        for (const [key, cell] of byKey) {
          for (const day of cell.byDay.keys()) if (day < keepFrom) cell.byDay.delete(day)
          if (cell.byDay.size === 0 && cell.changed.length === 0) byKey.delete(key)
        }
        if (byKey.size === 0) counts.delete(community)
      }
    },
    totals: (fromDay, toDay) => totalsStmt.all(fromDay, toDay),
    dailyMean(community, key, atMs) {
      const today = shanghaiDay(atMs)
      if (first === undefined) return undefined
      // The first day was counted from whenever counting began: only the full days after it count.
      const days = Math.min(BASELINE_DAYS, today - first - 1)
      if (days < MIN_BASELINE_DAYS) return undefined
      const byDay = counts.get(community)?.get(key)?.byDay
      let sum = 0
      if (byDay) for (let d = today - days; d < today; d++) sum += byDay.get(d) ?? 0
      return sum / days
    },
  }
}
