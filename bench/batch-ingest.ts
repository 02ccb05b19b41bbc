/**
 * Batch ingest, committed: events/s through `POST /api/v1/events` in batches of 5,000, against raw
 * better-sqlite3 inserts of the same rows with the same schema and pragmas.
 */
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IngestItem } from '../domain/event.ts'
import { createLocator } from '../geo/index.ts'
import { normaliseEvent } from '../server/pipeline/normalise-event.ts'
import { INSERT_SQL, SCHEMA } from '../server/store/sqlite-event-store.ts'
import { startChildServer } from './child-server.ts'
import { chunk, district, workload } from './workload.ts'

export const PRODUCER_KEY = 'demo-producer-key'

/** POSTs each body (a JSON batch) in turn over `concurrency` connections; each must answer 201. */
export async function postBatches(url: string, bodies: readonly string[], concurrency = 2): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY }, body })
      if (res.status !== 201) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 500)}`)
      await res.arrayBuffer()
    }
  }))
}

/** Items as the rows the store writes, normalised and located as the pipeline does (untimed). */
export function peerRows(items: readonly IngestItem[]) {
  const locator = createLocator(district)
  const now = new Date()
  return items.map((item) => ({ id: randomUUID(), seq: 0, ...normaliseEvent(item, (x, y) => locator.locate(x, y), now) }))
}
export type PeerRow = ReturnType<typeof peerRows>[number]

/** The raw peer of Gridwatch's store: a fresh SQLite file with its schema and pragmas. */
export function openPeerStore() {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-peer-'))
  const db = new Database(join(dir, 'peer.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(SCHEMA)
  const insert = db.prepare(INSERT_SQL)
  let seq = 0
  return {
    db,
    /** Inserts one row; call it inside a transaction. */
    insert(e: PeerRow) {
      e.seq = ++seq
      insert.run(e.seq, e.id, e.source, e.sourceId, e.category, e.severity, e.occurredAt, e.receivedAt, e.path.street, JSON.stringify(e))
    },
    close() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function benchBatchIngest(total: number, batchSize = 5000, concurrency = 2) {
  const items = workload(total, `batch${Date.now()}`)
  const bodies = chunk(items, batchSize).map((b) => JSON.stringify(b))

  const server = await startChildServer('gridwatch.ts')
  const t0 = performance.now()
  await postBatches(`${server.url}/api/v1/events`, bodies, concurrency)
  const ours = total / ((performance.now() - t0) / 1000)
  await server.stop()

  const rows = peerRows(items)
  const store = openPeerStore()
  const tx = store.db.transaction((batch: PeerRow[]) => {
    for (const e of batch) store.insert(e)
  })
  const t1 = performance.now()
  for (const batch of chunk(rows, batchSize)) tx(batch)
  const peer = total / ((performance.now() - t1) / 1000)
  store.close()
  return { ours, peer }
}
