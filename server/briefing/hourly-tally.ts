/**
 * Events counted by the hour they were received, source, severity and street: the briefing's figures,
 * so that a day or a week is read from a few hundred rows, not from every event of it (a week at the
 * demo's volume is 400,000 events, and counting them in the store took the better part of a second on
 * the event loop). Counted in memory as events are published, and added to `event_hourly` in the
 * operations database every minute with the last seq counted (a follower, as in
 * server/store/replayable.ts): what a crash loses is counted again from the store at the next boot.
 */
import type Database from 'better-sqlite3'
import type { Severity, Source, StoredEvent } from '../../domain/event.ts'
import { followerCursor, replayableTransaction, type FollowerCursor } from '../store/replayable.ts'

const HOUR_MS = 3_600_000

export interface HourlyRow {
  /** Hours since 1970-01-01T00:00Z. */
  hour: number
  source: Source
  severity: Severity
  street: string | null
  n: number
}

export interface HourlyTally {
  cursor: FollowerCursor
  add(e: Pick<StoredEvent, 'receivedAt' | 'source' | 'severity' | 'path'>): void
  /** Adds what was counted since the last flush to the table, with the seq it reaches. */
  flush(seq: number): void
  /** The counts of the hours `[fromHour, toHour)`, as last flushed. */
  rows(fromHour: number, toHour: number, street?: string): HourlyRow[]
}

export const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS)

export function createHourlyTally(db: Database.Database): HourlyTally {
  db.exec(`CREATE TABLE IF NOT EXISTS event_hourly (
    hour INTEGER NOT NULL, source TEXT NOT NULL, severity TEXT NOT NULL, street TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (hour, street, source, severity)
  ) WITHOUT ROWID`)
  const cursor = followerCursor(db, 'event-hourly')
  // Events outside every street are kept under '' (a primary key column cannot be null).
  const add = db.prepare(`INSERT INTO event_hourly (hour, source, severity, street, n) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (hour, street, source, severity) DO UPDATE SET n = n + excluded.n`)
  const read = db.prepare<Record<string, unknown>, HourlyRow>(`SELECT hour, source, severity, nullif(street, '') AS street, n FROM event_hourly
    WHERE hour >= @from AND hour < @to AND (@street IS NULL OR street = @street)`)
  // Counted since the last flush: hour → `source\0severity\0street` → n. The receivedAt of events
  // published together is nearly always the same hour, so the outer map stays tiny.
  let pending = new Map<number, Map<string, number>>()
  // Events published together share their receivedAt: parsed once for them all.
  let lastAt = ''
  let lastHour = 0

  return {
    cursor,
    add(e) {
      if (e.receivedAt !== lastAt) {
        lastAt = e.receivedAt
        lastHour = hourOf(Date.parse(lastAt))
      }
      const hour = lastHour
      let byKey = pending.get(hour)
      if (!byKey) pending.set(hour, (byKey = new Map()))
      const key = `${e.source}\0${e.severity}\0${e.path.street ?? ''}`
      byKey.set(key, (byKey.get(key) ?? 0) + 1)
    },
    flush(seq) {
      const counted = pending
      pending = new Map()
      replayableTransaction(db, () => {
        for (const [hour, byKey] of counted) {
          for (const [key, n] of byKey) {
            const [source, severity, street] = key.split('\0') as [string, string, string]
            add.run(hour, source, severity, street, n)
          }
        }
        cursor.set(seq)
      })
    },
    rows: (from, to, street) => read.all({ from, to, street: street ?? null }),
  }
}
