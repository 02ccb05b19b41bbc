/**
 * Cases in the operations database: `cases` (one row per case, the document beside the columns that
 * are queried), `case_events` (which event is in which case; an event is in one case at most) and
 * `case_audit` (append-only). `case_meta` keeps the last event seq the engine has considered and the
 * case number counter, so a restart resumes exactly where it stopped.
 *
 * A case's `eventIds` live in `case_events` only, in seq order (the order they were attached in), and
 * are put back into the document when it is read: the stored document stays the same small size
 * however many events a case collects, so saving a busy case (every attach saves it) does not rewrite
 * a list that grows without bound. Documents written before this carry an `eventIds` of their own;
 * `case_events` holds the same ids, and is what is read.
 */
import type Database from 'better-sqlite3'
import type { Case, CaseAuditEntry, CaseStatus, CaseTier } from '../../domain/cases.ts'
import type { StoredEvent } from '../../domain/event.ts'
import { replayableTransaction } from '../store/replayable.ts'

/** What the engine keeps beside the public case: the correlation key, building and latest event time. */
export interface CaseRecord {
  case: Case
  /** `source:category` of the opening event. */
  key: string
  buildingId: string | null
  lastEventAt: string
  /** A 12345 caller is attached (return visit, Open311 status). */
  hotline: boolean
}

interface CaseRow {
  id: string
  doc: string
  key: string
  building_id: string | null
  last_event_at: string
  hotline: number
}

interface AuditRow {
  case_id: string
  action: CaseAuditEntry['action']
  from_status: CaseStatus | null
  to_status: CaseStatus
  actor: string
  at: string
  note: string | null
}

export interface CaseQuery {
  /** A status, or `open` for every status that is not resolved, closed or cancelled. */
  status?: CaseStatus | 'open'
  street?: string
  tier?: CaseTier
  limit: number
}

export interface CaseRepository {
  get(id: string): CaseRecord | undefined
  /** Inserts or replaces by id. */
  save(r: CaseRecord): void
  /** Most recently updated first. */
  list(q: CaseQuery): Case[]
  /** Every case that still takes events, for the index at boot. */
  loadOpen(): CaseRecord[]
  attachEvent(caseId: string, e: StoredEvent, at: string): void
  caseIdOfEvent(eventId: string): string | undefined
  appendAudit(a: CaseAuditEntry): void
  audit(caseId: string): CaseAuditEntry[]
  lastSeq(): number | undefined
  setLastSeq(seq: number): void
  /** The next case number (1, 2, …), kept across restarts. */
  nextNumber(): number
  transaction<T>(fn: () => T): T
  /**
   * A transaction of writes that can be made again from the event log (cases opened and attached by the
   * engine, and the seq it has reached): committed without waiting for the disk. A crash may lose the
   * last of them, and the engine then considers those events again at boot, since its stored seq is
   * lost with them. The next durable commit (an operator's action) flushes them too.
   */
  replayableTransaction<T>(fn: () => T): T
}

export function createCaseRepository(db: Database.Database): CaseRepository {
  db.exec(`
    CREATE TABLE IF NOT EXISTS cases (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      tier TEXT NOT NULL,
      street TEXT,
      key TEXT NOT NULL,
      building_id TEXT,
      last_event_at TEXT NOT NULL,
      hotline INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      doc TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS cases_updated ON cases (updated_at);
    -- No query used these (the list's optional filters cannot use an index; it walks cases_updated),
    -- and every attach paid for updating both.
    DROP INDEX IF EXISTS cases_status;
    DROP INDEX IF EXISTS cases_street;
    CREATE TABLE IF NOT EXISTS case_events (
      event_id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      source TEXT NOT NULL,
      category TEXT NOT NULL,
      attached_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS case_events_case ON case_events (case_id, seq);
    CREATE TABLE IF NOT EXISTS case_audit (
      n INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id TEXT NOT NULL,
      action TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      note TEXT
    );
    CREATE INDEX IF NOT EXISTS case_audit_case ON case_audit (case_id, n);
    CREATE TABLE IF NOT EXISTS case_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `)
  // Cases stored before units existed have no `unitIds`: read as none.
  const parseCase = (doc: string, eventIds: string[]): Case => {
    const c = JSON.parse(doc) as Case
    c.unitIds ??= []
    c.eventIds = eventIds
    return c
  }
  const toRecord = (r: CaseRow, eventIds: string[]): CaseRecord => ({
    case: parseCase(r.doc, eventIds), key: r.key, buildingId: r.building_id, lastEventAt: r.last_event_at, hotline: r.hotline === 1,
  })
  const getStmt = db.prepare('SELECT id, doc, key, building_id, last_event_at, hotline FROM cases WHERE id = ?')
  // An upsert, not INSERT OR REPLACE: a case that gains an event is updated in place rather than deleted
  // and re-inserted with every index entry.
  const saveStmt = db.prepare(`INSERT INTO cases (id, status, tier, street, key, building_id, last_event_at, hotline, updated_at, doc)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, tier = excluded.tier, street = excluded.street, key = excluded.key,
      building_id = excluded.building_id, last_event_at = excluded.last_event_at, hotline = excluded.hotline,
      updated_at = excluded.updated_at, doc = excluded.doc`)
  const listStmt = db.prepare(`SELECT id, doc FROM cases
    WHERE (@status IS NULL OR (CASE WHEN @status = 'open' THEN status NOT IN ('resolved', 'closed', 'cancelled') ELSE status = @status END))
    AND (@street IS NULL OR street = @street) AND (@tier IS NULL OR tier = @tier)
    ORDER BY updated_at DESC, id DESC LIMIT @limit`)
  const OPEN = `status NOT IN ('resolved', 'closed', 'cancelled')`
  const openStmt = db.prepare(`SELECT id, doc, key, building_id, last_event_at, hotline FROM cases WHERE ${OPEN}`)
  const eventsOfStmt = db.prepare('SELECT event_id FROM case_events WHERE case_id = ? ORDER BY seq').pluck()
  const eventsOfManyStmt = db.prepare(`SELECT case_id, event_id FROM case_events
    WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, seq`).raw()
  const eventsOfOpenStmt = db.prepare(`SELECT case_id, event_id FROM case_events
    WHERE case_id IN (SELECT id FROM cases WHERE ${OPEN}) ORDER BY case_id, seq`).raw()
  /** Each case's event ids in seq order, from one query's `[case_id, event_id]` rows. */
  const groupIds = (rows: Iterable<unknown[]>): Map<string, string[]> => {
    const out = new Map<string, string[]>()
    for (const [caseId, eventId] of rows as Iterable<[string, string]>) {
      const ids = out.get(caseId)
      if (ids) ids.push(eventId)
      else out.set(caseId, [eventId])
    }
    return out
  }
  const attachStmt = db.prepare('INSERT OR IGNORE INTO case_events (event_id, case_id, seq, source, category, attached_at) VALUES (?, ?, ?, ?, ?, ?)')
  const caseOfStmt = db.prepare('SELECT case_id FROM case_events WHERE event_id = ?').pluck()
  const auditInsert = db.prepare('INSERT INTO case_audit (case_id, action, from_status, to_status, actor, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const auditList = db.prepare('SELECT case_id, action, from_status, to_status, actor, at, note FROM case_audit WHERE case_id = ? ORDER BY n')
  const metaGet = db.prepare('SELECT value FROM case_meta WHERE key = ?').pluck()
  const metaSet = db.prepare('INSERT OR REPLACE INTO case_meta (key, value) VALUES (?, ?)')

  let caseNumber: number | undefined

  return {
    get: (id) => {
      const r = getStmt.get(id) as CaseRow | undefined
      return r ? toRecord(r, eventsOfStmt.all(id) as string[]) : undefined
    },
    save: (r) => {
      const { eventIds: _inCaseEvents, ...c } = r.case
      saveStmt.run(c.id, c.status, c.tier, c.path.street, r.key, r.buildingId, r.lastEventAt, r.hotline ? 1 : 0, c.updatedAt, JSON.stringify(c))
    },
    list: (q) => {
      const rows = listStmt.all({ status: q.status ?? null, street: q.street ?? null, tier: q.tier ?? null, limit: q.limit }) as Array<{ id: string; doc: string }>
      const ids = groupIds(eventsOfManyStmt.iterate(JSON.stringify(rows.map((r) => r.id))) as Iterable<unknown[]>)
      return rows.map((r) => parseCase(r.doc, ids.get(r.id) ?? []))
    },
    loadOpen: () => {
      const ids = groupIds(eventsOfOpenStmt.iterate() as Iterable<unknown[]>)
      return (openStmt.all() as CaseRow[]).map((r) => toRecord(r, ids.get(r.id) ?? []))
    },
    attachEvent: (caseId, e, at) => void attachStmt.run(e.id, caseId, e.seq, e.source, e.category, at),
    caseIdOfEvent: (eventId) => caseOfStmt.get(eventId) as string | undefined,
    appendAudit: (a) => void auditInsert.run(a.caseId, a.action, a.from, a.to, a.actor, a.at, a.note ?? null),
    audit: (caseId) =>
      (auditList.all(caseId) as AuditRow[]).map((r) => ({
        caseId: r.case_id, action: r.action, from: r.from_status, to: r.to_status, actor: r.actor, at: r.at, ...(r.note ? { note: r.note } : {}),
      })),
    lastSeq: () => {
      const v = metaGet.get('lastSeq') as string | undefined
      return v === undefined ? undefined : Number(v)
    },
    setLastSeq: (seq) => void metaSet.run('lastSeq', String(seq)),
    nextNumber: () => {
      // Read once, then counted here: a rolled-back batch may skip numbers but never repeats one.
      caseNumber ??= Number((metaGet.get('caseNumber') as string | undefined) ?? '0')
      caseNumber += 1
      metaSet.run('caseNumber', String(caseNumber))
      return caseNumber
    },
    transaction: (fn) => db.transaction(fn)(),
    replayableTransaction: (fn) => replayableTransaction(db, fn),
  }
}
