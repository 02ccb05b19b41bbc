/**
 * Cases in the operations database: `cases` (one row per case, the document beside the columns that
 * are queried), `case_events` (which event is in which case; an event is in one case at most) and
 * `case_audit` (append-only). `case_meta` keeps the last event seq the engine has considered and the
 * case number counter, so a restart resumes exactly where it stopped.
 *
 * An attach writes only its `case_events` row, never the case's own row: the row is written when a
 * case opens, is rerouted, or acts, and what attaches change (`eventIds`, `eventCount`, `severity`,
 * `updatedAt`, the latest event time, a hotline caller) is put back from the case's `case_events`
 * rows when it is read.
 * So an event costs one row appended, not a case document rewritten with its indexes (which made
 * every commit write a page per busy case), and the stored document stays the same small size however
 * many events a case collects. Documents written before this carry an `eventIds` of their own;
 * `case_events` holds the same ids, and is what is read. Rows attached before `case_events` kept
 * `severity` and `occurred_at` leave them null: their case rows were rewritten on every attach then.
 */
import type Database from 'better-sqlite3'
import { CASE_EVENT_IDS_MAX, latestEventIds, type Case, type CaseAuditEntry, type CaseStatus, type CaseTier } from '../../domain/cases.ts'
import type { Severity, StoredEvent } from '../../domain/event.ts'
import { maxSeverity } from './route-case.ts'
import { replayableTransaction } from '../store/replayable.ts'

/** Topic cases' keys (`topic:<hotspot id>`): the correlation index leaves them out, and their documents keep their events. */
export const TOPIC_KEY = 'topic:'

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

/** `case_events` as read: `[case_id, event_id, severity, occurred_at, attached_at, source]`. */
type LinkRow = [string, string, Severity | null, string | null, string, string]

/** What a case's `case_events` rows say: its event ids in attach order and what its attaches changed. */
interface Links {
  /** The latest ids (at least CASE_EVENT_IDS_MAX of them once there are that many), in attach order. */
  ids: string[]
  count: number
  severity: Severity | null
  occurredAt: string | null
  attachedAt: string | null
  hotline: boolean
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
  /** A status, `open` for every status that is not resolved, closed or cancelled, or `finished` for those three. */
  status?: CaseStatus | 'open' | 'finished'
  street?: string
  tier?: CaseTier
  limit: number
}

export interface CaseRepository {
  get(id: string): CaseRecord | undefined
  /** Inserts or replaces by id. Attaches need not call it (see the file's comment). */
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
  const linkColumns = new Set((db.pragma('table_info(case_events)') as Array<{ name: string }>).map((c) => c.name))
  if (!linkColumns.has('severity')) db.exec('ALTER TABLE case_events ADD COLUMN severity TEXT')
  if (!linkColumns.has('occurred_at')) db.exec('ALTER TABLE case_events ADD COLUMN occurred_at TEXT')
  // Cases stored before units existed have no `unitIds`: read as none. A topic case has no
  // `case_events` rows (its reports are in their own cases): its document keeps the ids it was opened with.
  const parseCase = (doc: string, links: Links | undefined): Case => {
    const c = JSON.parse(doc) as Case
    c.unitIds ??= []
    c.eventIds = latestEventIds(links?.ids ?? c.eventIds ?? [])
    c.eventCount = links?.count ?? c.eventCount ?? 0
    if (links) {
      if (links.severity) c.severity = maxSeverity(c.severity, links.severity)
      if (links.attachedAt && links.attachedAt > c.updatedAt) c.updatedAt = links.attachedAt
    }
    return c
  }
  const toRecord = (r: CaseRow, links: Links | undefined): CaseRecord => {
    const lastEventAt = links?.occurredAt && Date.parse(links.occurredAt) > Date.parse(r.last_event_at) ? links.occurredAt : r.last_event_at
    return { case: parseCase(r.doc, links), key: r.key, buildingId: r.building_id, lastEventAt, hotline: r.hotline === 1 || links?.hotline === true }
  }
  const getStmt = db.prepare('SELECT id, doc, key, building_id, last_event_at, hotline FROM cases WHERE id = ?')
  // An upsert, not INSERT OR REPLACE: a case that gains an event is updated in place rather than deleted
  // and re-inserted with every index entry.
  const saveStmt = db.prepare(`INSERT INTO cases (id, status, tier, street, key, building_id, last_event_at, hotline, updated_at, doc)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, tier = excluded.tier, street = excluded.street, key = excluded.key,
      building_id = excluded.building_id, last_event_at = excluded.last_event_at, hotline = excluded.hotline,
      updated_at = excluded.updated_at, doc = excluded.doc`)
  const listStmt = db.prepare(`SELECT id, doc FROM cases
    WHERE (@status IS NULL OR (CASE @status WHEN 'open' THEN status NOT IN ('resolved', 'closed', 'cancelled')
      WHEN 'finished' THEN status IN ('resolved', 'closed', 'cancelled') ELSE status = @status END))
    AND (@street IS NULL OR street = @street) AND (@tier IS NULL OR tier = @tier)
    ORDER BY updated_at DESC, id DESC LIMIT @limit`)
  const OPEN = `status NOT IN ('resolved', 'closed', 'cancelled')`
  const openStmt = db.prepare(`SELECT id, doc, key, building_id, last_event_at, hotline FROM cases WHERE ${OPEN}`)
  const LINK = 'event_id, severity, occurred_at, attached_at, source'
  const eventsOfStmt = db.prepare(`SELECT case_id, ${LINK} FROM case_events WHERE case_id = ? ORDER BY seq`).raw()
  const eventsOfManyStmt = db.prepare(`SELECT case_id, ${LINK} FROM case_events
    WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, seq`).raw()
  const eventsOfOpenStmt = db.prepare(`SELECT case_id, ${LINK} FROM case_events
    WHERE case_id IN (SELECT id FROM cases WHERE ${OPEN}) ORDER BY case_id, seq`).raw()
  /** Each case's links, folded, from one query's rows (in seq order within a case). */
  const groupLinks = (rows: Iterable<unknown[]>): Map<string, Links> => {
    const out = new Map<string, Links>()
    for (const [caseId, eventId, severity, occurredAt, attachedAt, source] of rows as Iterable<LinkRow>) {
      let l = out.get(caseId)
      if (!l) out.set(caseId, (l = { ids: [], count: 0, severity: null, occurredAt: null, attachedAt: null, hotline: false }))
      l.ids.push(eventId)
      l.count++
      // A case only shows its latest ids: a stuck sensor's thousands are counted, not all held.
      if (l.ids.length >= 4 * CASE_EVENT_IDS_MAX) l.ids = l.ids.slice(-CASE_EVENT_IDS_MAX)
      if (severity) l.severity = l.severity ? maxSeverity(l.severity, severity) : severity
      if (occurredAt && (!l.occurredAt || Date.parse(occurredAt) > Date.parse(l.occurredAt))) l.occurredAt = occurredAt
      if (!l.attachedAt || attachedAt > l.attachedAt) l.attachedAt = attachedAt
      if (source === 'hotline') l.hotline = true
    }
    return out
  }
  const attachStmt = db.prepare(`INSERT OR IGNORE INTO case_events (event_id, case_id, seq, source, category, attached_at, severity, occurred_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const caseOfStmt = db.prepare('SELECT case_id FROM case_events WHERE event_id = ?').pluck()
  const auditInsert = db.prepare('INSERT INTO case_audit (case_id, action, from_status, to_status, actor, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const auditList = db.prepare('SELECT case_id, action, from_status, to_status, actor, at, note FROM case_audit WHERE case_id = ? ORDER BY n')
  const metaGet = db.prepare('SELECT value FROM case_meta WHERE key = ?').pluck()
  const metaSet = db.prepare('INSERT OR REPLACE INTO case_meta (key, value) VALUES (?, ?)')

  let caseNumber: number | undefined

  return {
    get: (id) => {
      const r = getStmt.get(id) as CaseRow | undefined
      return r ? toRecord(r, groupLinks(eventsOfStmt.iterate(id) as Iterable<unknown[]>).get(id)) : undefined
    },
    save: (r) => {
      // A topic case's events are the hotspot's reports, fixed when it opened: kept in its document.
      const { eventIds, eventCount, ...c } = r.case
      const doc = r.key.startsWith(TOPIC_KEY) ? { ...c, eventIds, eventCount } : c
      saveStmt.run(c.id, c.status, c.tier, c.path.street, r.key, r.buildingId, r.lastEventAt, r.hotline ? 1 : 0, c.updatedAt, JSON.stringify(doc))
    },
    list: (q) => {
      const rows = listStmt.all({ status: q.status ?? null, street: q.street ?? null, tier: q.tier ?? null, limit: q.limit }) as Array<{ id: string; doc: string }>
      const links = groupLinks(eventsOfManyStmt.iterate(JSON.stringify(rows.map((r) => r.id))) as Iterable<unknown[]>)
      return rows.map((r) => parseCase(r.doc, links.get(r.id)))
    },
    loadOpen: () => {
      const links = groupLinks(eventsOfOpenStmt.iterate() as Iterable<unknown[]>)
      return (openStmt.all() as CaseRow[]).map((r) => toRecord(r, links.get(r.id)))
    },
    attachEvent: (caseId, e, at) => void attachStmt.run(e.id, caseId, e.seq, e.source, e.category, at, e.severity, e.occurredAt),
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
