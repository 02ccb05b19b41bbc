/**
 * KPI query time (the dispatch issue): one `today` and one `month` report over 100,000 cases opened in
 * the month, beside 1,000,000 stored events (bulk-inserted into the event store's SQLite schema) and
 * their case links. Cases are seeded straight into the operations database's `cases`
 * table (through the case repository); `fastify.kpi`'s service is built over it as at boot.
 *
 * Ours: the in-memory per-day, per-area projection (server/kpi/). Peer: the obvious design, a table of
 * one row per case with an index on `opened_at`, queried with a plain `SELECT community, COUNT(*),
 * SUM(…) … GROUP BY community` for the period (built untimed from the same cases). A third row times
 * the projection's rebuild at boot beside reading and parsing the same case documents.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Case, ReturnVisitResult } from '../domain/cases.ts'
import type { KpiPeriod } from '../domain/kpi.ts'
import { createCaseRepository } from '../server/cases/case-repository.ts'
import { casesForProjection, createKpiService } from '../server/kpi/kpi-service.ts'
import { periodBounds } from '../server/kpi/kpi-periods.ts'
import { INSERT_SQL, SCHEMA } from '../server/store/sqlite-event-store.ts'

/** Sunday 31 May 2026, 20:00 in Beijing: the month holds 31 days of cases, the week 7, today 20 hours. */
const NOW = Date.parse('2026-05-31T20:00:00+08:00')
const MONTH_START = Date.parse('2026-05-01T00:00:00+08:00')
const EVENT_BATCH = 5000
const VISITS: ReturnVisitResult[] = ['satisfied', 'basically_satisfied', 'dissatisfied']

/** Chenghua's shape: 11 streets and 83 communities (ids as the generated district forms them). */
const STREETS = Array.from({ length: 11 }, (_, i) => ({ id: `510108${String(i + 1).padStart(3, '0')}`, name: `第${i + 1}街道`, parentId: '510108' }))
const COMMUNITIES = Array.from({ length: 83 }, (_, i) => {
  const street = STREETS[i % STREETS.length]!
  const n = Math.floor(i / STREETS.length) + 1
  return { id: `${street.id}${String(n).padStart(3, '0')}`, name: `${street.name}第${n}社区`, parentId: street.id }
})

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function seedCase(i: number, r: () => number): Case {
  const community = COMMUNITIES[Math.floor(r() * COMMUNITIES.length)]!
  const opened = MONTH_START + Math.floor(r() * (NOW - MONTH_START))
  const iso = (ms: number) => new Date(Math.min(ms, NOW)).toISOString()
  const c: Case = {
    id: `C-${String(i + 1).padStart(7, '0')}`, status: 'new', tier: 'microgrid',
    path: { district: '510108', street: community.parentId, community: community.id, grid: null, microgrid: null },
    location: { lng: 104.1, lat: 30.66 }, category: 'noise', source: 'hotline', severity: 'minor', title: '噪声扰民', eventIds: [], eventCount: 0, department: 'environment',
    openedAt: iso(opened), updatedAt: iso(opened),
    deadlines: { acceptBy: iso(opened + 3_600_000), arriveBy: iso(opened + 8 * 3_600_000), resolveBy: iso(opened + 72 * 3_600_000) },
    escalations: r() < 0.1 ? 1 + Math.floor(r() * 2) : 0,
  }
  if (r() < 0.85) Object.assign(c, { status: 'accepted', acceptedAt: iso(opened + 600_000), acceptedOnTime: r() < 0.8 })
  if (r() < 0.6 && c.acceptedAt) {
    const at = iso(opened + Math.floor(r() * 48 * 3_600_000))
    Object.assign(c, { status: 'resolved', resolution: { note: '已处理', at, by: 'bench' }, updatedAt: at })
    if (r() < 0.7) c.returnVisit = VISITS[Math.floor(r() * 3)]!
  }
  if (r() < 0.02) c.summons = [{ department: 'fire', at: c.openedAt, dueBy: iso(opened + 1_800_000), late: r() < 0.3 }]
  return c
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function timeIt(runs: number, fn: () => unknown): number {
  fn() // warm-up
  const ms: number[] = []
  for (let k = 0; k < runs; k++) {
    const t = performance.now()
    fn()
    ms.push(performance.now() - t)
  }
  return median(ms)
}

export interface KpiQueryBench {
  cases: number
  events: number
  today: { ours: number; peer: number }
  month: { ours: number; peer: number }
  load: { ours: number; peer: number }
}

export function benchKpiQuery(cases: number, events: number, log: (s: string) => void = () => {}): KpiQueryBench {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-bench-kpi-'))
  try {
    // 1. The events, bulk-inserted into the event store's own schema (its writer takes minutes for a million).
    const eventsDb = new Database(join(dir, 'gridwatch.sqlite'))
    eventsDb.pragma('journal_mode = WAL')
    eventsDb.pragma('synchronous = OFF')
    eventsDb.exec(SCHEMA)
    const insertEvent = eventsDb.prepare(INSERT_SQL)
    const t0 = performance.now()
    const writeEvents = eventsDb.transaction((from: number, to: number) => {
      for (let k = from; k < to; k++) {
        const community = COMMUNITIES[k % COMMUNITIES.length]!
        const at = new Date(MONTH_START + Math.floor((k / events) * (NOW - MONTH_START))).toISOString()
        const e = {
          id: `E${k}`, seq: k + 1, source: 'hotline', sourceId: `kpi-bench-${k}`, category: 'noise', severity: 'minor', occurredAt: at, receivedAt: at,
          location: { lng: 104.1, lat: 30.66 }, outside: false, attrs: {}, title: '夜间施工噪声扰民',
          path: { district: '510108', street: community.parentId, community: community.id, grid: null, microgrid: null },
        }
        insertEvent.run(e.seq, e.id, e.source, e.sourceId, e.category, e.severity, at, at, community.parentId, JSON.stringify(e))
      }
    })
    for (let k = 0; k < events; k += EVENT_BATCH * 20) writeEvents(k, Math.min(events, k + EVENT_BATCH * 20))
    eventsDb.close()
    log(`  ${events.toLocaleString('en-US')} events stored in ${Math.round(performance.now() - t0)} ms`)

    // 2. The cases, through the case repository, each linked to events/cases of the stored events.
    const db = new Database(join(dir, 'operations.sqlite'))
    db.pragma('journal_mode = WAL')
    const repo = createCaseRepository(db)
    const r = rng(510108)
    const seeded: Case[] = []
    const link = db.prepare('INSERT INTO case_events (event_id, case_id, seq, source, category, attached_at) VALUES (?, ?, ?, ?, ?, ?)')
    const perCase = Math.max(1, Math.floor(events / cases))
    db.transaction(() => {
      for (let i = 0; i < cases; i++) {
        const c = seedCase(i, r)
        seeded.push(c)
        repo.save({ case: c, key: 'hotline:noise', buildingId: null, lastEventAt: c.openedAt, hotline: true })
        for (let j = 0; j < perCase; j++) link.run(`E${i * perCase + j}`, c.id, i * perCase + j + 1, 'hotline', 'noise', c.openedAt)
      }
    })()

    // 3. Ours: the service as the plugin builds it at boot, then reports.
    const areas = { streets: STREETS, communities: COMMUNITIES }
    let service: ReturnType<typeof createKpiService> | undefined
    const loadOurs = timeIt(3, () => {
      service?.close()
      service = createKpiService((day) => casesForProjection(db, day), { areas, streamMs: 5000, now: () => NOW })
    })
    const kpi = service!
    if (kpi.projected() !== cases) throw new Error(`projection holds ${kpi.projected()} of ${cases} cases`)
    const loadPeer = timeIt(3, () => {
      for (const doc of db.prepare('SELECT doc FROM cases').pluck().iterate() as IterableIterator<string>) JSON.parse(doc)
    })

    // 4. Peer: one row per case, indexed on opened_at, grouped in SQL.
    db.exec(`CREATE TABLE peer_kpi (id TEXT PRIMARY KEY, street TEXT, community TEXT, opened_at TEXT NOT NULL, on_time INTEGER, resolved INTEGER,
      handling_ms INTEGER, visited INTEGER, satisfied INTEGER, escalations INTEGER, late INTEGER);
      CREATE INDEX peer_kpi_opened ON peer_kpi (opened_at);`)
    const put = db.prepare('INSERT INTO peer_kpi VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    db.transaction(() => {
      for (const c of seeded) {
        put.run(c.id, c.path.street, c.path.community, c.openedAt, c.acceptedOnTime ? 1 : 0, c.resolution ? 1 : 0,
          c.resolution ? Date.parse(c.resolution.at) - Date.parse(c.openedAt) : 0, c.returnVisit ? 1 : 0,
          c.returnVisit === 'satisfied' || c.returnVisit === 'basically_satisfied' ? 1 : 0, c.escalations, (c.summons ?? []).filter((s) => s.late).length)
      }
    })()
    const peerQuery = db.prepare(`SELECT street, community, COUNT(*) AS cases, SUM(on_time) AS on_time, SUM(resolved) AS resolved, SUM(handling_ms) AS handling_ms,
      SUM(visited) AS visited, SUM(satisfied) AS satisfied, SUM(escalations) AS escalations, SUM(late) AS late
      FROM peer_kpi WHERE opened_at >= ? AND opened_at <= ? GROUP BY street, community`)

    const measure = (period: KpiPeriod, runs: number) => {
      const b = periodBounds(period, NOW)
      let peerCases = 0
      const peer = timeIt(runs, () => {
        peerCases = (peerQuery.all(b.since, b.until) as Array<{ cases: number }>).reduce((n, row) => n + row.cases, 0)
      })
      let oursCases = 0
      const ours = timeIt(runs * 10, () => {
        oursCases = kpi.report(period).total.cases
      })
      // Both count the same cases, or the comparison means nothing.
      if (oursCases !== peerCases) throw new Error(`${period}: ours counts ${oursCases} cases, the peer ${peerCases}`)
      log(`  ${period}: ${oursCases.toLocaleString('en-US')} cases in the period`)
      return { ours, peer }
    }
    const today = measure('today', 20)
    const month = measure('month', 10)
    kpi.close()
    db.close()
    return { cases, events, today, month, load: { ours: loadOurs, peer: loadPeer } }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
