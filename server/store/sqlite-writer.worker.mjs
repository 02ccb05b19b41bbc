// @ts-check
/**
 * The SQLite writer thread. Commits (with their fsync) happen here, off the main thread, so HTTP
 * parsing, validation and realtime fan-out keep running while the disk works. The main thread owns
 * the schema and sends the SQL; this file only runs transactions. Plain JavaScript because worker
 * threads start without the TypeScript loader, in tests as in production.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { randomFillSync } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import Database from 'better-sqlite3'

/** @type {{ file: string, pragmas: string[], findSql: string, insertSql: string, lastSeq: number }} */
const config = workerData
const db = new Database(config.file)
for (const pragma of config.pragmas) db.pragma(pragma)
const find = db.prepare(config.findSql)
const insert = db.prepare(config.insertSql)
let seq = config.lastSeq

// Time-ordered (v7) ids: each new id sorts after those of earlier milliseconds, so the unique index on
// `events.id` (and `case_events.event_id` in the operations database) grows at its right edge instead
// of dirtying a random page per event once it outgrows the page cache. Within one millisecond the
// order is random, which keeps them unguessable and costs nothing: those ids share the edge pages.
// The random bytes come from a pool, since the library's own draw (one getRandomValues call an id)
// was five times the cost of the id.
const pool = new Uint8Array(16 * 1024)
let drawn = pool.length
function eventId() {
  if (drawn === pool.length) {
    randomFillSync(pool)
    drawn = 0
  }
  drawn += 16
  return uuidv7({ random: pool.subarray(drawn - 16, drawn), msecs: Date.now() })
}

/**
 * The answer travels flat, `[id, seq, duplicate]` an item in order, not an object an item: the main
 * thread has the items it sent, puts each stored event together from its item and these two numbers,
 * and so reads back one small array instead of walking an object per event.
 */
const commit = db.transaction((/** @type {any[][]} */ batches) => {
  const out = []
  for (const items of batches) {
    for (const item of items) {
      const id = eventId()
      const next = seq + 1
      // The unique (source, source_id) index decides duplicates, those inside this transaction (even one
      // request) included: a second copy is not inserted and resolves to the first.
      const { changes } = insert.run(next, id, item.source, item.sourceId, item.category, item.severity, item.occurredAt, item.receivedAt, item.path.street, JSON.stringify({ id, seq: next, ...item }))
      if (changes === 0) {
        const prior = /** @type {{ id: string, seq: number }} */ (find.get(item.source, item.sourceId))
        out.push(prior.id, prior.seq, true)
      } else {
        seq = next
        out.push(id, next, false)
      }
    }
  }
  return out
})

parentPort?.on('message', (/** @type {{ id: number, batches: any[][] } | 'close'} */ msg) => {
  if (msg === 'close') {
    db.close()
    parentPort?.postMessage('closed')
    return
  }
  const start = seq
  try {
    const results = commit(msg.batches)
    parentPort?.postMessage({ id: msg.id, results })
  } catch (err) {
    seq = start // the transaction rolled back, so the numbers it took are free again
    parentPort?.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) })
  }
})
