// @ts-check
/**
 * The SQLite writer thread. Commits (with their fsync) happen here, off the main thread, so HTTP
 * parsing, validation and realtime fan-out keep running while the disk works. The main thread owns
 * the schema and sends the SQL; this file only runs transactions. Plain JavaScript because worker
 * threads start without the TypeScript loader, in tests as in production.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { v7 as uuidv7 } from 'uuid'
import Database from 'better-sqlite3'

/** @type {{ file: string, pragmas: string[], findSql: string, insertSql: string, lastSeq: number }} */
const config = workerData
const db = new Database(config.file)
for (const pragma of config.pragmas) db.pragma(pragma)
const find = db.prepare(config.findSql)
const insert = db.prepare(config.insertSql)
let seq = config.lastSeq

const commit = db.transaction((/** @type {any[][]} */ batches) => {
  // Duplicates inside one transaction (even one request) resolve to the first copy.
  /** @type {Map<string, { id: string, seq: number }>} */
  const fresh = new Map()
  return batches.map((items) =>
    items.map((item) => {
      const key = `${item.source}\u0000${item.sourceId}`
      const prior = fresh.get(key) ?? /** @type {{ id: string, seq: number } | undefined} */ (find.get(item.source, item.sourceId))
      if (prior) return { id: prior.id, seq: prior.seq, sourceId: item.sourceId, duplicate: true }
      const event = { id: uuidv7(), seq: ++seq, ...item }
      insert.run(event.seq, event.id, event.source, event.sourceId, event.category, event.severity, event.occurredAt, event.receivedAt, event.path.street, JSON.stringify(event))
      fresh.set(key, { id: event.id, seq: event.seq })
      // Not the event itself: the main thread has the item it sent and puts the two together, which
      // costs far less than copying every stored event back across the thread boundary.
      return { id: event.id, seq: event.seq, sourceId: item.sourceId, duplicate: false }
    }),
  )
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
