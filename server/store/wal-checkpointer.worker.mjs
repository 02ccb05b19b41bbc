// @ts-check
/**
 * Checkpoints one SQLite file's WAL from its own thread (see wal-checkpointer.ts). Plain JavaScript
 * because worker threads start without the TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

/** @type {{ file: string, everyMs: number }} */
const config = workerData
const db = new Database(config.file)
db.pragma('busy_timeout = 5000')
// PASSIVE: copies what no reader still needs and never waits for, or blocks, the writer.
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), config.everyMs)
parentPort?.on('message', (msg) => {
  if (msg !== 'close') return
  clearInterval(timer)
  db.close()
  parentPort?.postMessage('closed')
})
