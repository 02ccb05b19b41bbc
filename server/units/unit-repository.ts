/**
 * Units in the operations database: `units`, one row per unit, the document beside the columns a
 * restart needs (where a dispatched unit set off from, when its latest fix was taken). Generated once
 * when empty; later boots keep statuses and positions.
 */
import type Database from 'better-sqlite3'
import type { LngLat } from '../../domain/event.ts'
import type { Unit } from '../../domain/units.ts'

/** What the unit engine keeps beside the public unit. */
export interface UnitRecord {
  unit: Unit
  /** Where it was when dispatched: moving away from here means the crew set off (en route). */
  dispatchedFrom: LngLat | null
  /** When its latest position fix was taken; an older fix arriving late is ignored. */
  fixAt: string | null
}

interface UnitRow {
  doc: string
  dispatched_from: string | null
  fix_at: string | null
}

export interface UnitRepository {
  count(): number
  all(): UnitRecord[]
  /** Inserts or replaces by id. */
  save(r: UnitRecord): void
  /** Removes a unit from the roster (one no longer in the district's roster file). */
  remove(id: string): void
  transaction<T>(fn: () => T): T
}

export function createUnitRepository(db: Database.Database): UnitRepository {
  db.exec(`
    CREATE TABLE IF NOT EXISTS units (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      street TEXT NOT NULL,
      status TEXT NOT NULL,
      case_id TEXT,
      dispatched_from TEXT,
      fix_at TEXT,
      doc TEXT NOT NULL
    );
  `)
  const countStmt = db.prepare('SELECT count(*) FROM units').pluck()
  const removeStmt = db.prepare('DELETE FROM units WHERE id = ?')
  const allStmt = db.prepare('SELECT doc, dispatched_from, fix_at FROM units ORDER BY id')
  const saveStmt = db.prepare(`INSERT INTO units (id, kind, street, status, case_id, dispatched_from, fix_at, doc)
    VALUES (@id, @kind, @street, @status, @caseId, @dispatchedFrom, @fixAt, @doc)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, case_id = excluded.case_id,
      dispatched_from = excluded.dispatched_from, fix_at = excluded.fix_at, doc = excluded.doc`)
  return {
    count: () => countStmt.get() as number,
    all: () => (allStmt.all() as UnitRow[]).map((r) => ({
      unit: JSON.parse(r.doc) as Unit,
      dispatchedFrom: r.dispatched_from ? (JSON.parse(r.dispatched_from) as LngLat) : null,
      fixAt: r.fix_at,
    })),
    save: ({ unit: u, dispatchedFrom, fixAt }) => void saveStmt.run({
      id: u.id, kind: u.kind, street: u.home.street, status: u.status, caseId: u.caseId,
      dispatchedFrom: dispatchedFrom ? JSON.stringify(dispatchedFrom) : null, fixAt, doc: JSON.stringify(u),
    }),
    remove: (id) => void removeStmt.run(id),
    transaction: (fn) => db.transaction(fn)(),
  }
}
