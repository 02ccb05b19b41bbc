/**
 * Sensor alarms in the operations database (table `alarms`). A partial unique index keeps at most one
 * open (not cleared) alarm per sensor and type, so a bug in the caller fails loudly instead of
 * splitting one fire into two alarms.
 */
import type Database from 'better-sqlite3'
import type { Alarm, AlarmStatus, SensorType } from '../../domain/sensors.ts'

interface Row {
  id: string
  sensor_id: string
  type: SensorType
  status: AlarmStatus
  street: string | null
  lng: number
  lat: number
  building_id: string | null
  site_id: string | null
  event_id: string
  last_event_id: string
  raised_at: string
  last_at: string
  count: number
  normal_at: string | null
  acknowledged_by: string | null
  acknowledged_at: string | null
  cleared_by: string | null
  cleared_at: string | null
}

export interface AlarmQuery {
  /** Absent: the open ones (active and acknowledged). */
  status?: AlarmStatus
  street?: string
  sensorId?: string
  limit: number
}

export interface AlarmRepository {
  get(id: string): Alarm | undefined
  findOpen(sensorId: string, type: string): Alarm | undefined
  /** Inserts, or updates by id. */
  save(alarm: Alarm): void
  /** Newest activity first. */
  list(q: AlarmQuery): Alarm[]
}

export function createAlarmRepository(db: Database.Database): AlarmRepository {
  db.exec(`
    CREATE TABLE IF NOT EXISTS alarms (
      id TEXT PRIMARY KEY,
      sensor_id TEXT NOT NULL,
      type TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('active', 'acknowledged', 'cleared')),
      street TEXT,
      lng REAL NOT NULL,
      lat REAL NOT NULL,
      building_id TEXT,
      site_id TEXT,
      event_id TEXT NOT NULL,
      last_event_id TEXT NOT NULL,
      raised_at TEXT NOT NULL,
      last_at TEXT NOT NULL,
      count INTEGER NOT NULL,
      normal_at TEXT,
      acknowledged_by TEXT,
      acknowledged_at TEXT,
      cleared_by TEXT,
      cleared_at TEXT
    );
    CREATE UNIQUE INDEX IF NOT EXISTS alarms_open ON alarms (sensor_id, type) WHERE status <> 'cleared';
    CREATE INDEX IF NOT EXISTS alarms_status ON alarms (status, last_at);
  `)
  const toAlarm = (r: Row): Alarm => ({
    id: r.id, sensorId: r.sensor_id, type: r.type, status: r.status, street: r.street, location: { lng: r.lng, lat: r.lat },
    buildingId: r.building_id, siteId: r.site_id, eventId: r.event_id, lastEventId: r.last_event_id,
    raisedAt: r.raised_at, lastAt: r.last_at, count: r.count, normalAt: r.normal_at,
    acknowledgedBy: r.acknowledged_by, acknowledgedAt: r.acknowledged_at, clearedBy: r.cleared_by, clearedAt: r.cleared_at,
  })
  const getStmt = db.prepare('SELECT * FROM alarms WHERE id = ?')
  const openStmt = db.prepare(`SELECT * FROM alarms WHERE sensor_id = ? AND type = ? AND status <> 'cleared'`)
  // An upsert by id, not INSERT OR REPLACE: a repeat updates the row in place instead of deleting and
  // re-inserting it with its three index entries, and a second open alarm for the same sensor and type
  // fails on `alarms_open` instead of silently replacing the first.
  const COLUMNS = ['sensor_id', 'type', 'status', 'street', 'lng', 'lat', 'building_id', 'site_id', 'event_id', 'last_event_id',
    'raised_at', 'last_at', 'count', 'normal_at', 'acknowledged_by', 'acknowledged_at', 'cleared_by', 'cleared_at']
  const saveStmt = db.prepare(`INSERT INTO alarms VALUES (@id, @sensorId, @type, @status, @street, @lng, @lat, @buildingId, @siteId,
    @eventId, @lastEventId, @raisedAt, @lastAt, @count, @normalAt, @acknowledgedBy, @acknowledgedAt, @clearedBy, @clearedAt)
    ON CONFLICT (id) DO UPDATE SET ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`)
  const listStmt = db.prepare(`SELECT * FROM alarms WHERE (CASE WHEN @status IS NULL THEN status <> 'cleared' ELSE status = @status END)
    AND (@street IS NULL OR street = @street) AND (@sensor IS NULL OR sensor_id = @sensor) ORDER BY last_at DESC, id LIMIT @limit`)

  return {
    get: (id) => {
      const r = getStmt.get(id) as Row | undefined
      return r ? toAlarm(r) : undefined
    },
    findOpen: (sensorId, type) => {
      const r = openStmt.get(sensorId, type) as Row | undefined
      return r ? toAlarm(r) : undefined
    },
    save: (a) => {
      const { location, ...rest } = a
      saveStmt.run({ ...rest, lng: location.lng, lat: location.lat })
    },
    list: (q) =>
      (listStmt.all({ status: q.status ?? null, street: q.street ?? null, sensor: q.sensorId ?? null, limit: q.limit }) as Row[]).map(toAlarm),
  }
}
