/**
 * Batch ingest, committed: events/s through `POST /api/v1/events` in batches of 5,000, against raw
 * better-sqlite3 inserts of the same rows with the same schema and pragmas.
 */
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocator } from '../geo/index.ts'
import { normaliseEvent } from '../server/pipeline/normalise-event.ts'
import { INSERT_SQL, SCHEMA } from '../server/store/sqlite-event-store.ts'
import { startChildServer } from './child-server.ts'
import { chunk, district, workload } from './workload.ts'

const KEY = 'demo-producer-key'

export async function benchBatchIngest(total: number, batchSize = 5000, concurrency = 2) {
  const items = workload(total, `batch${Date.now()}`)
  const bodies = chunk(items, batchSize).map((b) => JSON.stringify(b))

  const server = await startChildServer('gridwatch.ts')
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!
      const res = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body })
      if (res.status !== 201) throw new Error(`ingest answered ${res.status}: ${await res.text()}`)
      await res.arrayBuffer()
    }
  }))
  const ours = total / ((performance.now() - t0) / 1000)
  await server.stop()

  const locator = createLocator(district)
  const now = new Date()
  const rows = items.map((item) => {
    const e = { id: randomUUID(), seq: 0, ...normaliseEvent(item, (x, y) => locator.locate(x, y), now) }
    return e
  })
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-peer-'))
  const db = new Database(join(dir, 'peer.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(SCHEMA)
  const insert = db.prepare(INSERT_SQL)
  let seq = 0
  const tx = db.transaction((batch: typeof rows) => {
    for (const e of batch) {
      e.seq = ++seq
      insert.run(e.seq, e.id, e.source, e.sourceId, e.category, e.severity, e.occurredAt, e.receivedAt, e.path.street, JSON.stringify(e))
    }
  })
  const t1 = performance.now()
  for (const batch of chunk(rows, batchSize)) tx(batch)
  const peer = total / ((performance.now() - t1) / 1000)
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return { ours, peer }
}
