/**
 * The sensor registry in the operations database (table `sensors`), with every entry also held in
 * memory: the ingest step looks sensors up for each item of a batch of thousands, on the hot path.
 * Last-seen times live in the same rows but are written in batches by the liveness flush.
 */
import type Database from 'better-sqlite3'
import type { Path } from '../../domain/event.ts'
import type { SensorEntry, SensorType } from '../../domain/sensors.ts'

interface Row {
  id: string
  type: SensorType
  name: string
  lng: number
  lat: number
  path: string
  street: string | null
  building_id: string | null
  site_id: string | null
  installed_at: string
  last_seen_at: number | null
  offline: number
}

export interface ListQuery {
  street?: string
  type?: SensorType
  siteId?: string
  /** The last id of the previous page. */
  after?: string
  limit: number
}

export interface SensorRegistry {
  get(id: string): SensorEntry | undefined
  size(): number
  list(q: ListQuery): SensorEntry[]
  /** Inserts new entries (all in one transaction); throws on a duplicate id. */
  insert(entries: readonly SensorEntry[]): void
  update(entry: SensorEntry): void
  /** The next free number for `prefix-street-`, for ids the server assigns. */
  nextNumber(prefix: string): number
  /** Liveness as last flushed: sensors heard from at least once. */
  loadSeen(): Array<{ id: string; lastSeenMs: number; offline: boolean }>
  saveSeen(rows: Iterable<{ id: string; lastSeenMs: number; offline: boolean }>): void
}

export function createSensorRegistry(db: Database.Database): SensorRegistry {
  db.exec(`
    CREATE TABLE IF NOT EXISTS sensors (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      lng REAL NOT NULL,
      lat REAL NOT NULL,
      path TEXT NOT NULL,
      street TEXT,
      building_id TEXT,
      site_id TEXT,
      installed_at TEXT NOT NULL,
      last_seen_at INTEGER,
      offline INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS sensors_street ON sensors (street, id);
  `)
  const toEntry = (r: Row): SensorEntry => ({
    id: r.id, type: r.type, name: r.name, location: { lng: r.lng, lat: r.lat }, path: JSON.parse(r.path) as Path,
    ...(r.building_id ? { buildingId: r.building_id } : {}),
    ...(r.site_id ? { siteId: r.site_id } : {}),
    installedAt: r.installed_at,
  })
  const params = (e: SensorEntry) => ({
    id: e.id, type: e.type, name: e.name, lng: e.location.lng, lat: e.location.lat, path: JSON.stringify(e.path),
    street: e.path.street, building_id: e.buildingId ?? null, site_id: e.siteId ?? null, installed_at: e.installedAt,
  })
  const insertStmt = db.prepare(`INSERT INTO sensors (id, type, name, lng, lat, path, street, building_id, site_id, installed_at)
    VALUES (@id, @type, @name, @lng, @lat, @path, @street, @building_id, @site_id, @installed_at)`)
  const updateStmt = db.prepare(`UPDATE sensors SET type = @type, name = @name, lng = @lng, lat = @lat, path = @path, street = @street,
    building_id = @building_id, site_id = @site_id WHERE id = @id`)
  const listStmt = db.prepare(`SELECT * FROM sensors WHERE (@street IS NULL OR street = @street) AND (@type IS NULL OR type = @type)
    AND (@site IS NULL OR site_id = @site) AND id > @after ORDER BY id LIMIT @limit`)
  const maxIdStmt = db.prepare(`SELECT id FROM sensors WHERE id >= @lo AND id < @hi ORDER BY id DESC LIMIT 1`)
  const seenStmt = db.prepare(`SELECT id, last_seen_at, offline FROM sensors WHERE last_seen_at IS NOT NULL`)
  const saveSeenStmt = db.prepare(`UPDATE sensors SET last_seen_at = ?, offline = ? WHERE id = ?`)

  const byId = new Map<string, SensorEntry>()
  for (const r of db.prepare('SELECT * FROM sensors').all() as Row[]) byId.set(r.id, toEntry(r))

  const insertMany = db.transaction((entries: readonly SensorEntry[]) => {
    for (const e of entries) insertStmt.run(params(e))
  })
  const saveSeenMany = db.transaction((rows: Iterable<{ id: string; lastSeenMs: number; offline: boolean }>) => {
    for (const r of rows) saveSeenStmt.run(r.lastSeenMs, r.offline ? 1 : 0, r.id)
  })

  return {
    get: (id) => byId.get(id),
    size: () => byId.size,
    list: (q) =>
      (listStmt.all({ street: q.street ?? null, type: q.type ?? null, site: q.siteId ?? null, after: q.after ?? '', limit: q.limit }) as Row[]).map(toEntry),
    insert(entries) {
      insertMany(entries)
      for (const e of entries) byId.set(e.id, e)
    },
    update(entry) {
      updateStmt.run(params(entry))
      byId.set(entry.id, entry)
    },
    nextNumber(prefix) {
      // Ids are zero-padded, so the greatest id under the prefix has the greatest number.
      const row = maxIdStmt.get({ lo: prefix, hi: `${prefix}\uffff` }) as { id: string } | undefined
      const n = row ? Number.parseInt(row.id.slice(prefix.length), 10) : 0
      return (Number.isFinite(n) ? n : 0) + 1
    },
    loadSeen: () =>
      (seenStmt.all() as Array<{ id: string; last_seen_at: number; offline: number }>).map((r) => ({ id: r.id, lastSeenMs: r.last_seen_at, offline: r.offline === 1 })),
    saveSeen: (rows) => saveSeenMany(rows),
  }
}
