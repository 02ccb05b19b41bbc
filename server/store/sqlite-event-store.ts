/** The embedded store (see `createSqliteEventStore`). */
import Database from 'better-sqlite3'
import { Worker } from 'node:worker_threads'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Path, StoredEvent } from '../../domain/event.ts'
import { LEVELS } from '../../domain/geo.ts'
import type { AppendResult, CountQuery, CountRow, EventQuery, EventSearch, EventStore, NewEvent, ReceivedRange, ReplayRow } from './event-store.ts'
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
CREATE INDEX IF NOT EXISTS events_source_occurred ON events (source, occurred_at);
`

interface Row {
  doc: string
}

const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000']
const FIND_SQL = 'SELECT id, seq FROM events WHERE source = ? AND source_id = ?'
/** A repeated (source, source_id) inserts nothing: the writer then reports the first copy as the duplicate. */
export const INSERT_SQL = `INSERT INTO events (seq, id, source, source_id, category, severity, occurred_at, received_at, street, doc)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, source_id) DO NOTHING`

/** The writer thread: one request at a time, answered in order. */
function startWriter(file: string, lastSeq: number) {
  const worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), {
    workerData: { file, pragmas: PRAGMAS, findSql: FIND_SQL, insertSql: INSERT_SQL, lastSeq },
  })
  const waiting = new Map<number, { batches: NewEvent[][]; resolve: (r: AppendResult[][]) => void; reject: (e: Error) => void }>()
  let nextId = 0
  worker.on('message', (msg: { id: number; results?: Array<string | number | boolean>; error?: string } | 'closed') => {
    if (msg === 'closed') return
    const w = waiting.get(msg.id)
    waiting.delete(msg.id)
    if (!w) return
    if (msg.error !== undefined) return w.reject(new Error(`store write failed: ${msg.error}`))
    const flat = msg.results ?? []
    let o = 0
    w.resolve(w.batches.map((items) => items.map((item) => {
      const r: AppendResult = { id: flat[o] as string, seq: flat[o + 1] as number, sourceId: item.sourceId, duplicate: flat[o + 2] as boolean }
      o += 3
      return r
    })))
  })
  worker.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err)
    waiting.clear()
  })
  return {
    commit(batches: NewEvent[][]): Promise<AppendResult[][]> {
      const id = nextId++
      return new Promise((resolve, reject) => {
        waiting.set(id, { batches, resolve, reject })
        worker.postMessage({ id, batches })
      })
    },
    async close() {
      const closed = new Promise<void>((resolve) => worker.on('message', (m) => m === 'closed' && resolve()))
      worker.postMessage('close')
      await closed
      await worker.terminate()
    },
  }
}

/**
 * The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so a committed
 * transaction survives `kill -9` and power loss alike. Writes go through group commit to a writer
 * thread; reads use this thread's own connection (WAL lets them run beside the writer).
 */
export function createSqliteEventStore(file: string): EventStore {
  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  for (const pragma of PRAGMAS) db.pragma(pragma)
  db.exec(SCHEMA)

  const byId = db.prepare<[string], Row>('SELECT doc FROM events WHERE id = ?')
  const maxSeq = db.prepare<[], { s: number | null }>('SELECT max(seq) AS s FROM events')

  // The writer continues seq from the file, so a restart carries on where the last run stopped.
  let seq = maxSeq.get()?.s ?? 0
  const writer = startWriter(file, seq)
  const group = new GroupCommit<NewEvent, AppendResult>(async (batches) => {
    const results = await writer.commit(batches)
    results.forEach((batch, b) => batch.forEach((r, i) => {
      if (r.duplicate) return
      // The stored document is exactly this: the writer stores `{ id, seq, ...item }` (see the worker).
      r.event = { id: r.id, seq: r.seq, ...(batches[b]![i] as NewEvent) }
      // Advanced here, in the same turn as the caller's publish: realtime hand-over relies on it.
      if (r.seq > seq) seq = r.seq
    }))
    return results
  })

  const inRange = (q: ReceivedRange) => `received_at >= @since AND received_at < @until${q.street ? ' AND street = @street' : ''}`
  // received_at is stored as toISOString(): the range compares as text on its index.
  const rangeParams = (q: ReceivedRange, more: Record<string, unknown>) => ({
    since: new Date(q.since).toISOString(), until: new Date(q.until).toISOString(), ...(q.street ? { street: q.street } : {}), ...more,
  })

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
    append: (items) => group.submit(items),
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
      const tiers = LEVELS.map((l) => `json_extract(doc, '$.path.${l}') AS ${l}`).join(', ')
      const sql = `SELECT source, severity, ${tiers}, count(*) AS n FROM events
        ${w.sql ? `${w.sql} AND` : 'WHERE'} received_at >= @since GROUP BY source, severity, ${LEVELS.join(', ')}`
      const rows = db.prepare<Record<string, unknown>, Path & Omit<CountRow, 'path'>>(sql).all({ ...w.params, since: q.receivedSince })
      return rows.map(({ source, severity, n, ...path }) => ({ source, severity, path, n }))
    },
    get(id) {
      const row = byId.get(id)
      return row ? (JSON.parse(row.doc) as StoredEvent) : undefined
    },
    search(q: EventSearch) {
      // List filters travel as JSON arrays (json_each), so the statement's shape never depends on
      // how many ids or codes a caller sends. occurred_at is stored as toISOString(), so the window
      // compares as text once its bounds are in the same form.
      const clauses = ['source = @source']
      const params: Record<string, unknown> = { source: q.source, limit: q.limit }
      if (q.ids) {
        clauses.push('id IN (SELECT value FROM json_each(@ids))')
        params.ids = JSON.stringify(q.ids)
      }
      if (q.categories) {
        clauses.push('category IN (SELECT value FROM json_each(@categories))')
        params.categories = JSON.stringify(q.categories)
      }
      if (q.occurredFrom) {
        clauses.push('occurred_at >= @from')
        params.from = new Date(q.occurredFrom).toISOString()
      }
      if (q.occurredUntil) {
        clauses.push('occurred_at <= @until')
        params.until = new Date(q.occurredUntil).toISOString()
      }
      const sql = `SELECT doc FROM events WHERE ${clauses.join(' AND ')} ORDER BY occurred_at DESC, seq DESC LIMIT @limit`
      return db.prepare<Record<string, unknown>, Row>(sql).all(params).map((r) => JSON.parse(r.doc) as StoredEvent)
    },
    gravest(q) {
      const sql = `SELECT doc FROM events WHERE ${inRange(q)} AND severity IN ('extreme', 'severe')
        ORDER BY severity = 'extreme' DESC, received_at DESC LIMIT @limit`
      return db.prepare<Record<string, unknown>, Row>(sql).all(rangeParams(q, { limit: q.limit })).map((r) => JSON.parse(r.doc) as StoredEvent)
    },
    replay(q) {
      // Along the received_at index, whose order (received_at, then rowid = seq) is the reply's, so
      // nothing is sorted; only the document fields the map draws are read, with json_extract, rather
      // than handing whole documents to JSON.parse. Heartbeats and detections below the threshold go
      // before the LIMIT, so a day of them cannot crowd out the events; `IS NOT`, because an absent
      // field must keep the event (with `=`, NULL would drop it).
      const sql = `SELECT seq, received_at AS receivedAt, source, category, severity, street,
          json_extract(doc, '$.location.lng') AS lng, json_extract(doc, '$.location.lat') AS lat, json_extract(doc, '$.title') AS title,
          CASE source WHEN 'sensor' THEN json_extract(doc, '$.attrs.state') END AS state
        FROM events WHERE ${inRange(q)}
          AND CASE source
            WHEN 'sensor' THEN json_extract(doc, '$.attrs.state') IS NOT 'heartbeat'
            WHEN 'detection' THEN json_extract(doc, '$.attrs.alerting') IS NOT 0
            ELSE 1 END
        ORDER BY received_at, seq LIMIT @limit`
      return db.prepare<Record<string, unknown>, ReplayRow>(sql).all(rangeParams(q, { limit: q.limit }))
    },
    lastSeq: () => seq,
    async close() {
      await group.drain()
      await writer.close()
      db.close()
    },
  }
}
