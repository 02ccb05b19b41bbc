/**
 * State that follows the event log (cases, sensor alarms) can always be made again from it, so its
 * writes need not wait for the disk: each follower stores the last seq it has applied in the same
 * transaction as its changes, and at boot applies whatever the log holds after it. A power cut may
 * lose the last few of these transactions, never part of one, and the follower's seq is lost with
 * them; a `kill -9` loses nothing (WAL). The next durable commit on the connection (an operator's
 * action) makes them durable too.
 */
import type Database from 'better-sqlite3'

/** Each connection's own durability level, read once. */
const durableLevel = new WeakMap<Database.Database, number>()

/**
 * Runs `fn` in a transaction committed with `synchronous = NORMAL` (no fsync), then restores the
 * connection's level. The level is set with `exec` and the connection's own read once: `db.pragma()`
 * prepares a statement and builds a result at every call, and small transactions (a sensor's alarm, a
 * trickle of single POSTs) made three of those a visible share of their cost. (A prepared PRAGMA
 * cannot be kept: SQLite applies this one when it is prepared, not when it runs.)
 */
export function replayableTransaction<T>(db: Database.Database, fn: () => T): T {
  let durable = durableLevel.get(db)
  if (durable === undefined) durableLevel.set(db, (durable = db.pragma('synchronous', { simple: true }) as number))
  db.exec('PRAGMA synchronous = NORMAL')
  try {
    return db.transaction(fn)()
  } finally {
    db.exec(`PRAGMA synchronous = ${durable}`)
  }
}

/** A follower's place in the event log: the last seq whose changes it has written. */
export interface FollowerCursor {
  /** Undefined before the follower's first boot. */
  get(): number | undefined
  /** Call inside the transaction that writes the changes up to `seq`. */
  set(seq: number): void
}

export function followerCursor(db: Database.Database, name: string): FollowerCursor {
  db.exec('CREATE TABLE IF NOT EXISTS follower_seq (name TEXT PRIMARY KEY, seq INTEGER NOT NULL)')
  const get = db.prepare('SELECT seq FROM follower_seq WHERE name = ?').pluck()
  const set = db.prepare('INSERT INTO follower_seq (name, seq) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq')
  return {
    get: () => get.get(name) as number | undefined,
    set: (seq) => void set.run(name, seq),
  }
}
