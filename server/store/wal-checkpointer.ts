/**
 * A WAL checkpointer on its own thread, for a database written on the main thread (the operations
 * database). SQLite checkpoints inside a commit once the WAL passes `wal_autocheckpoint` pages, so the
 * connection that happens to commit then copies the pages back into the database and waits for two
 * fsyncs: on the main thread that was a stall of tens of milliseconds every few hundred cases
 * attached (and about a third of the case engine's time in a batch-ingest run). Here the copying
 * happens beside it instead; the main connection's own auto-checkpoint is raised to a backstop that
 * bounds the WAL should this thread ever fall behind.
 */
import type Database from 'better-sqlite3'
import { Worker } from 'node:worker_threads'

/** Pages (4 KiB) the WAL may reach before the main connection checkpoints it itself. */
const BACKSTOP_PAGES = 16_384

export function startWalCheckpointer(db: Database.Database, everyMs = 500): { close(): Promise<void> } {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`)
  const worker = new Worker(new URL('./wal-checkpointer.worker.mjs', import.meta.url), { workerData: { file: db.name, everyMs } })
  // Never keeps the process alive: its work is only ever an optimisation.
  worker.unref()
  // Nor does its failure end the process: a boot that fails after this started can remove the data
  // directory before the thread opens the file, and the backstop above still bounds the WAL.
  worker.on('error', () => {})
  let closed: Promise<void> | undefined
  return {
    close() {
      closed ??= new Promise<void>((resolve) => {
        worker.once('exit', () => resolve())
        worker.once('message', (m) => m === 'closed' && void worker.terminate())
        worker.postMessage('close')
      })
      return closed
    },
  }
}
