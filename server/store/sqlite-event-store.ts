/**
 * The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so a committed
 * transaction survives `kill -9` and power loss alike. Writes go through group commit.
 */
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { StoredEvent } from '../../domain/event.ts'
import type { AppendResult, CountQuery, CountRow, EventQuery, EventStore, NewEvent } from './event-store.ts'
import { GroupCommit } from './group-commit.ts'

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  source      TEXT NOT NULL,
  source_id   TEXT NOT NULL,
  category    TEXT NOT NULL,
  severity    TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  street      TEXT,
  doc         TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX IF NOT EXISTS events_street_seq ON events (street, seq);
CREATE INDEX IF NOT EXISTS events_source_seq ON events (source, seq);
CREATE INDEX IF NOT EXISTS events_received ON events (received_at);
`

interface Row {
  doc: string
}

export function createSqliteEventStore(file: string): EventStore {
  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)

  const findBySource = db.prepare<[string, string], { id: string; seq: number }>(
    'SELECT id, seq FROM events WHERE source = ? AND source_id = ?',
  )
  const insert = db.prepare(
    `INSERT INTO events (seq, id, source, source_id, category, severity, occurred_at, received_at, street, doc)
     VALUES (@seq, @id, @source, @sourceId, @category, @severity, @occurredAt, @receivedAt, @street, @doc)`,
  )
  const byId = db.prepare<[string], Row>('SELECT doc FROM events WHERE id = ?')
  const maxSeq = db.prepare<[], { s: number | null }>('SELECT max(seq) AS s FROM events')

  // One writer per file, so seq can be assigned here; it continues from the file after a restart.
  let seq = maxSeq.get()?.s ?? 0

  const commitBatches = db.transaction((batches: NewEvent[][]): AppendResult[][] => {
    const start = seq
    try {
      // Duplicates inside the same transaction (even the same request) must resolve to the first copy.
      const fresh = new Map<string, { id: string; seq: number }>()
      return batches.map((items) =>
        items.map((item): AppendResult => {
          const key = `${item.source}\u0000${item.sourceId}`
          const prior = fresh.get(key) ?? findBySource.get(item.source, item.sourceId)
          if (prior) return { id: prior.id, seq: prior.seq, sourceId: item.sourceId, duplicate: true }
          const event: StoredEvent = { id: randomUUID(), seq: ++seq, ...item }
          insert.run({
            seq: event.seq,
            id: event.id,
            source: event.source,
            sourceId: event.sourceId,
            category: event.category,
            severity: event.severity,
            occurredAt: event.occurredAt,
            receivedAt: event.receivedAt,
            street: event.path.street,
            doc: JSON.stringify(event),
          })
          fresh.set(key, { id: event.id, seq: event.seq })
          return { id: event.id, seq: event.seq, sourceId: item.sourceId, duplicate: false, event }
        }),
      )
    } catch (err) {
      seq = start // the transaction rolls back, so the numbers it took are free again
      throw err
    }
  })

  const writer = new GroupCommit<NewEvent, AppendResult>(commitBatches)

  const FILTERS = [
    ['sinceSeq', 'seq > @sinceSeq'],
    ['untilSeq', 'seq <= @untilSeq'],
    ['street', 'street = @street'],
    ['source', 'source = @source'],
  ] as const

  function where(q: { sinceSeq?: number; untilSeq?: number; street?: string; source?: string }) {
    const active = FILTERS.filter(([key]) => q[key] !== undefined)
    const params = Object.fromEntries(active.map(([key]) => [key, q[key]]))
    return { sql: active.length ? `WHERE ${active.map(([, clause]) => clause).join(' AND ')}` : '', params }
  }

  return {
    append: (items) => writer.submit(items),
    list(q: EventQuery) {
      const w = where(q)
      const order = q.order === 'desc' ? 'DESC' : 'ASC'
      const rows = db.prepare<Record<string, unknown>, Row>(`SELECT doc FROM events ${w.sql} ORDER BY seq ${order} LIMIT @limit`)
        .all({ ...w.params, limit: q.limit })
      return rows.map((r) => JSON.parse(r.doc) as StoredEvent)
    },
    count(q) {
      const w = where(q)
      return db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM events ${w.sql}`).get(w.params)?.n ?? 0
    },
    countBy(q: CountQuery) {
      const w = where({ untilSeq: q.untilSeq, street: q.street })
      const sql = `SELECT source, severity, count(*) AS n FROM events ${w.sql ? `${w.sql} AND` : 'WHERE'} received_at >= @since GROUP BY source, severity`
      return db.prepare<Record<string, unknown>, CountRow>(sql).all({ ...w.params, since: q.receivedSince })
    },
    get(id) {
      const row = byId.get(id)
      return row ? (JSON.parse(row.doc) as StoredEvent) : undefined
    },
    lastSeq: () => seq,
    async close() {
      writer.drain()
      db.close()
    },
  }
}
