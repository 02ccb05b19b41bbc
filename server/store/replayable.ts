/**
 * State that follows the event log (cases, sensor alarms) can always be made again from it, so its
 * writes need not wait for the disk: each follower stores the last seq it has applied in the same
 * transaction as its changes, and at boot applies whatever the log holds after it. A power cut may
 * lose the last few of these transactions, never part of one, and the follower's seq is lost with
 * them; a `kill -9` loses nothing (WAL). The next durable commit on the connection (an operator's
 * action) makes them durable too.
 */
import type Database from 'better-sqlite3'

/** Runs `fn` in a transaction committed with `synchronous = NORMAL` (no fsync), then restores the connection's level. */
export function replayableTransaction<T>(db: Database.Database, fn: () => T): T {
  const durable = db.pragma('synchronous', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  try {
    return db.transaction(fn)()
  } finally {
    db.pragma(`synchronous = ${durable}`)
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
