/**
 * Case engine throughput (the dispatch issue): hotline events/s through opening rules, correlation and
 * routing with 10,000 cases already open and indexed: four in five events find and join their open case
 * among them, one in five opens a new case (routed to a tier and department, SLA deadlines), each change
 * written to the operations database (WAL, `synchronous=FULL`, as the server opens it), with the KPI
 * projection following the engine's changes as `fastify.kpi` does. Peer: raw better-sqlite3 inserts of the same
 * `case_events` rows in transactions of the same size: the persistence floor, without any thinking.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCaseEngine } from '../server/cases/case-engine.ts'
import { createCaseRepository } from '../server/cases/case-repository.ts'
import { offset, storedEvent } from '../server/cases/test-events.ts'
import { createKpiService } from '../server/kpi/kpi-service.ts'

const HERE = { lng: 104.1, lat: 30.66 }
const T0 = Date.parse('2026-05-22T10:00:00Z')
const at = (min: number) => new Date(T0 + min * 60_000).toISOString()
const KINDS = ['noise', 'road_damage', 'garbage_collection', 'elevator_fault']
const OPEN_CASES = 10_000
const BATCH = 1000

function openDb(dir: string): Database.Database {
  const db = new Database(join(dir, 'operations.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  return db
}

/** Calls 400 m apart on a 100-wide grid, each in its own micro-grid: one case each, then repeats. */
const spread = (i: number, min: number) => storedEvent({
  source: 'hotline', category: KINDS[i % KINDS.length]!, occurredAt: at(min), receivedAt: at(min),
  location: offset(HERE, (i % 100) * 400, Math.floor(i / 100) * 400),
  path: { district: '510108', street: '510108001', community: '510108001001', grid: '510108001001001', microgrid: `MG-${i}` },
})

export function benchCaseEngine(events: number): { ours: number; peer: number; open: number; openAfter: number; opened: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-bench-cases-'))
  try {
    const db = openDb(dir)
    const engine = createCaseEngine(createCaseRepository(db), { windowMs: 15 * 60_000, radiusM: 150, now: () => new Date(T0 + 30 * 60_000) })
    for (let k = 0; k < OPEN_CASES / BATCH; k++) engine.consider(Array.from({ length: BATCH }, (_, i) => spread(k * BATCH + i, 0)))
    const open = engine.openCount()
    const kpi = createKpiService(() => [], { areas: { streets: [], communities: [] }, streamMs: 5000, now: () => T0 + 30 * 60_000 })
    engine.onChange((changes) => kpi.consume(changes))
    // Five minutes later: repeat calls, each of which must find its open case among the 10,000 and join
    // it, and one in five from a new place, which opens a case of its own.
    const stream = Array.from({ length: events }, (_, i) => (i % 5 === 4 ? spread(OPEN_CASES + i, 5) : spread((i * 7) % OPEN_CASES, 5)))
    let started = performance.now()
    for (let k = 0; k < events; k += BATCH) engine.consider(stream.slice(k, k + BATCH))
    const ours = events / ((performance.now() - started) / 1000)
    const openAfter = engine.openCount()
    kpi.close()
    db.close()

    const raw = openDb(dir)
    raw.exec('CREATE TABLE peer_events (event_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, seq INTEGER NOT NULL, source TEXT NOT NULL, category TEXT NOT NULL, attached_at TEXT NOT NULL)')
    const insert = raw.prepare('INSERT INTO peer_events VALUES (?, ?, ?, ?, ?, ?)')
    const write = raw.transaction((rows: typeof stream) => {
      for (const e of rows) insert.run(e.id, `C-${e.seq % OPEN_CASES}`, e.seq, e.source, e.category, e.receivedAt)
    })
    const peerRows = Array.from({ length: events }, (_, i) => spread(i, 5))
    started = performance.now()
    for (let k = 0; k < events; k += BATCH) write(peerRows.slice(k, k + BATCH))
    const peer = events / ((performance.now() - started) / 1000)
    raw.close()
    return { ours, peer, open, openAfter, opened: kpi.projected() }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
