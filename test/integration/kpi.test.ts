/**
 * KPIs (接诉即办考核) through the real app: a varied case history made through the public API (cases
 * opened in several streets and communities, accepted on time and late, resolved, visited back with
 * each verdict, escalated, cancelled), then every measure for every street and community recomputed
 * here from the raw case log (the `case_audit` rows and the cases' places, read straight from the
 * SQLite file) with separate, simple code, and compared with `GET /api/v1/kpi`; after a restart too.
 * Also: street scope, bad input, and the `kpi` socket frame after a case action.
 */
import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Value } from '@sinclair/typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import { KpiReport, type KpiMeasures, type KpiPeriod } from '../../domain/kpi.ts'
import type { KpiFrame } from '../../domain/socket.ts'
import { hotlineItem, startTestServer, waitFor, type TestServer } from '../helpers/build-app.ts'
import { apiClient } from '../helpers/api-client.ts'

/** Accept deadlines set by this test's rules file: noise must be accepted within 0.3 s, the others within 30 minutes. */
const ACCEPT_MIN: Record<string, number> = { noise: 0.005, road_damage: 30, elevator_fault: 30 }
const CATEGORIES = Object.keys(ACCEPT_MIN)

let server: TestServer
let serial = 0
const { token, call, forgetTokens } = apiClient(() => server)
async function act(id: string, body: Record<string, unknown>): Promise<Case> {
  const res = await call<Case>('POST', `/api/v1/cases/${id}/actions`, 'district', body)
  expect(res.status, `${body.action} on ${id}`).toBe(200)
  return res.body
}
const kpi = (period: KpiPeriod = 'today', user = 'district') => call<KpiReport>('GET', `/api/v1/kpi?period=${period}`, user)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const metres = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) =>
  Math.hypot((a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 111_320)

// --- The independent recompute: only the audit log, the cases' places and this test's SLA table. ---

interface AuditRow { case_id: string; action: string; at: string; note: string | null }
interface Raw { street: string | null; community: string | null; category: string; audit: AuditRow[] }

function readRawLog(): Map<string, Raw> {
  const db = new Database(join(server.dataDir, 'operations.sqlite'), { readonly: true })
  try {
    const out = new Map<string, Raw>()
    for (const r of db.prepare('SELECT id, doc FROM cases').all() as Array<{ id: string; doc: string }>) {
      const doc = JSON.parse(r.doc) as { path: { street: string | null; community: string | null }; category: string }
      out.set(r.id, { street: doc.path.street, community: doc.path.community, category: doc.category, audit: [] })
    }
    for (const a of db.prepare('SELECT case_id, action, at, note FROM case_audit ORDER BY n').all() as AuditRow[]) out.get(a.case_id)!.audit.push(a)
    return out
  } finally {
    db.close()
  }
}

/** Beijing midnight of the period's first day, by calendar arithmetic on the Beijing wall clock. */
function periodStart(period: KpiPeriod, now: Date): number {
  const bj = new Date(now.getTime() + 8 * 3600_000)
  const [y, m] = [bj.getUTCFullYear(), bj.getUTCMonth()]
  let d = bj.getUTCDate()
  if (period === 'month') d = 1
  if (period === 'week') d -= (bj.getUTCDay() + 6) % 7
  return Date.UTC(y, m, d) - 8 * 3600_000
}

interface Sums { cases: number; onTime: number; settled: number; resolved: number; handlingMs: number; visits: number; satisfied: number; escalations: number }

function recompute(log: Map<string, Raw>, since: number, inArea: (r: Raw) => boolean): KpiMeasures {
  const s: Sums = { cases: 0, onTime: 0, settled: 0, resolved: 0, handlingMs: 0, visits: 0, satisfied: 0, escalations: 0 }
  for (const r of log.values()) {
    const open = r.audit.find((a) => a.action === 'open')!
    const openedMs = Date.parse(open.at)
    if (openedMs < since || !inArea(r)) continue
    s.cases += 1
    // The accept clock starts at the opening and starts again at each escalation before the first accept.
    let clockFrom = openedMs
    for (const a of r.audit) {
      if (a.action === 'escalate') clockFrom = Date.parse(a.at)
      if (a.action === 'accept') {
        if (Date.parse(a.at) - clockFrom <= ACCEPT_MIN[r.category]! * 60_000) s.onTime += 1
        break
      }
    }
    // Settled: accepted, or escalated (a missed deadline escalates); a case still waiting is not yet a miss.
    if (r.audit.some((a) => a.action === 'accept' || a.action === 'escalate')) s.settled += 1
    const resolve = r.audit.find((a) => a.action === 'resolve')
    if (resolve) {
      s.resolved += 1
      s.handlingMs += Date.parse(resolve.at) - openedMs
    }
    const visit = r.audit.find((a) => a.action === 'return_visit')
    if (visit) {
      s.visits += 1
      // The audit note records the caller's verdict as the post shows it (回访：满意 / 基本满意 / 不满意).
      if (/^回访：(满意|基本满意)/.test(visit.note ?? '')) s.satisfied += 1
    }
    s.escalations += r.audit.filter((a) => a.action === 'escalate').length
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b)
  return {
    cases: s.cases, respondedOnTime: s.onTime, responseSettled: s.settled, responseRate: ratio(s.onTime, s.settled), resolved: s.resolved, resolutionRate: ratio(s.resolved, s.cases),
    returnVisits: s.visits, satisfied: s.satisfied, satisfactionRate: ratio(s.satisfied, s.visits),
    avgHandlingMin: s.resolved === 0 ? null : s.handlingMs / s.resolved / 60_000, escalations: s.escalations, lateReports: 0,
  }
}

const MEASURE_KEYS = ['cases', 'respondedOnTime', 'responseSettled', 'responseRate', 'resolved', 'resolutionRate', 'returnVisits', 'satisfied', 'satisfactionRate', 'escalations', 'lateReports'] as const

function expectSameMeasures(got: KpiMeasures, want: KpiMeasures, where: string): void {
  const pick = (m: KpiMeasures) => Object.fromEntries(MEASURE_KEYS.map((k) => [k, m[k]]))
  const [gotAvg, wantAvg] = [got.avgHandlingMin, want.avgHandlingMin]
  expect(pick(got), where).toEqual(pick(want))
  if (wantAvg === null) expect(gotAvg, where).toBeNull()
  else expect(gotAvg, where).toBeCloseTo(wantAvg, 1)
}

/** Checks one report against the recompute: the total, every street and every community, and the ranks. */
function checkReport(report: KpiReport, log: Map<string, Raw>, street?: string): void {
  expect(Value.Check(KpiReport, report)).toBe(true)
  const since = periodStart(report.period, new Date(report.until))
  expect(report.since).toBe(new Date(since).toISOString())
  expectSameMeasures(report.total, recompute(log, since, (r) => !street || r.street === street), 'total')

  const streets = server.app.district.streets.filter((s) => !street || s.properties.id === street)
  expect(report.streets.map((s) => s.id).sort()).toEqual(streets.map((s) => s.properties.id).sort())
  for (const row of report.streets) {
    expect(row.name).toBe(streets.find((s) => s.properties.id === row.id)!.properties.name)
    expectSameMeasures(row, recompute(log, since, (r) => r.street === row.id), `street ${row.id}`)
  }
  const communities = server.app.district.communities.filter((c) => streets.some((s) => s.properties.id === c.properties.parentId))
  expect(report.communities.map((c) => c.id).sort()).toEqual(communities.map((c) => c.properties.id).sort())
  for (const row of report.communities) {
    expect(row.parentId).toBe(communities.find((c) => c.properties.id === row.id)!.properties.parentId)
    expectSameMeasures(row, recompute(log, since, (r) => r.community === row.id), `community ${row.id}`)
  }

  // Ranks: by the mean of the rates present, nulls last, ties to more cases; communities within their street.
  const score = (m: KpiMeasures) => {
    const rates = [m.responseRate, m.resolutionRate, m.satisfactionRate].filter((x): x is number => x !== null)
    return rates.length ? rates.reduce((a, b) => a + b) / rates.length : null
  }
  const checkRanks = (rows: KpiReport['streets']) => {
    const ordered = [...rows].sort((a, b) => a.rank - b.rank)
    expect(ordered.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1))
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1]!, ordered[i]!]
      const [sa, sb] = [score(a), score(b)]
      expect(a.score).toBe(sa)
      if (sa === null) expect(sb).toBeNull()
      else if (sb !== null) expect(sa > sb || (sa === sb && a.cases >= b.cases)).toBe(true)
    }
  }
  checkRanks(report.streets)
  for (const s of streets) checkRanks(report.communities.filter((c) => c.parentId === s.properties.id))
}

// --- The history ---

beforeAll(async () => {
  const rules = join(await import('node:os').then((os) => os.tmpdir()), `gridwatch-kpi-rules-${process.pid}.json`)
  writeFileSync(rules, JSON.stringify({
    sla: { byCategory: Object.fromEntries(CATEGORIES.map((c) => [`hotline:${c}`, { acceptMin: ACCEPT_MIN[c], arriveMin: 60, resolveMin: 600 }])) },
  }))
  // The sweep is off: every escalation here is a dispatcher's, so the log does not move while it is read.
  server = await startTestServer({ CASE_RULES_FILE: rules, CASE_ESCALATION_SWEEP_S: '0', KPI_STREAM_S: '0.2' })

  // Two or three places in each of three communities of five streets, 500 m apart or more, a category each.
  const streets = server.app.district.streets.slice(0, 5).map((s) => s.properties.id)
  const items: ReturnType<typeof hotlineItem>[] = []
  for (const street of streets) {
    const sensors = server.app.sensors.registry.list({ street, limit: 5000 })
    const byCommunity = new Map<string, typeof sensors>()
    for (const s of sensors) if (s.path.community) byCommunity.set(s.path.community, [...(byCommunity.get(s.path.community) ?? []), s])
    for (const inCommunity of [...byCommunity.values()].slice(0, 3)) {
      const places: Array<{ lng: number; lat: number }> = []
      for (const s of inCommunity) {
        if (places.length < 3 && places.every((p) => metres(p, s.location) > 500)) places.push(s.location)
      }
      for (const p of places) {
        const category: string = CATEGORIES[items.length % CATEGORIES.length]!
        items.push(hotlineItem(`kpi-${++serial}`, p.lng, p.lat, { category } as never))
      }
    }
  }
  const res = await server.ingest(items)
  expect(res.status).toBe(201)
  // Cases are worked out just after the reply.
  for (let i = 0; i < 50 && server.app.cases.openCount() < items.length / 2; i++) await sleep(20)
  await sleep(100)

  const cases = (await call<{ cases: Case[] }>('GET', '/api/v1/cases?limit=5000')).body.cases.sort((a, b) => a.id.localeCompare(b.id))
  expect(cases.length).toBeGreaterThanOrEqual(20)
  // Past every noise case's 0.3 s accept deadline: their first accepts are late, unless an escalation restarted the clock.
  await sleep(400)
  const visits = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const
  for (const [i, c] of cases.entries()) {
    switch (i % 8) {
      case 0: break // left new
      case 1: await act(c.id, { action: 'assign' }); await act(c.id, { action: 'accept' }); break
      case 2: case 3: case 4: {
        await act(c.id, { action: 'assign' })
        await act(c.id, { action: 'accept' })
        await act(c.id, { action: 'arrive' })
        await act(c.id, { action: 'resolve', note: '已现场处理' })
        await act(c.id, { action: 'return_visit', result: visits[(i % 8) - 2]! })
        if (i % 2 === 0) await act(c.id, { action: 'close' })
        break
      }
      case 5: await act(c.id, { action: 'assign' }); await act(c.id, { action: 'accept' }); await act(c.id, { action: 'resolve', note: '电话沟通已解决' }); break
      case 6: {
        // Escalated, then accepted at once: on time against the restarted clock.
        await act(c.id, { action: 'escalate', note: '需社区协调' })
        await act(c.id, { action: 'assign' })
        await act(c.id, { action: 'accept' })
        await act(c.id, { action: 'resolve', note: '社区协调解决' })
        break
      }
      case 7: {
        await act(c.id, { action: 'escalate' })
        await act(c.id, { action: 'escalate' })
        await act(c.id, { action: 'cancel', note: '重复工单' })
        break
      }
    }
  }
}, 60_000)
afterAll(() => server.close())

describe('GET /api/v1/kpi', () => {
  it('matches an independent recompute from the raw case log, for every street and community and each period', async () => {
    const log = readRawLog()
    for (const period of ['today', 'week', 'month'] as const) {
      const res = await kpi(period)
      expect(res.status).toBe(200)
      expect(res.body.period).toBe(period)
      checkReport(res.body, log)
    }
    // The history is varied enough to mean something: late and on-time accepts, every verdict, escalations.
    const total = (await kpi()).body.total
    expect(total.respondedOnTime).toBeGreaterThan(0)
    expect(total.respondedOnTime).toBeLessThan(total.cases)
    expect(total.satisfied).toBeGreaterThan(0)
    expect(total.satisfied).toBeLessThan(total.returnVisits)
    expect(total.resolved).toBeGreaterThan(0)
    expect(total.escalations).toBeGreaterThan(0)
    expect((await kpi()).body.streets.some((s) => s.cases === 0 && s.score === null)).toBe(true)
  })

  it('gives a street user only their street, its communities and its cases', async () => {
    const log = readRawLog()
    const street = server.app.district.streets[1]!.properties.id
    const res = await kpi('week', `street-${street}`)
    expect(res.status).toBe(200)
    expect(res.body.streets.map((s) => s.id)).toEqual([street])
    expect(res.body.communities.every((c) => c.parentId === street)).toBe(true)
    expect(res.body.total.cases).toBeGreaterThan(0)
    checkReport(res.body, log, street)
  })

  it('refuses an unknown period (400) and a missing token (401), and defaults to today', async () => {
    const bad = await call<{ message: string }>('GET', '/api/v1/kpi?period=year')
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/period/)
    expect((await fetch(`${server.url}/api/v1/kpi`)).status).toBe(401)
    expect((await call<KpiReport>('GET', '/api/v1/kpi')).body.period).toBe('today')
  })

  it('gives the same figures after a restart (the projection is rebuilt from the cases table)', async () => {
    const before = (await kpi('month')).body
    await server.restart()
    forgetTokens()
    const after = (await kpi('month')).body
    const strip = (r: KpiReport) => ({ ...r, until: '', generatedAt: '' })
    expect(strip(after)).toEqual(strip(before))
    checkReport(after, readRawLog())
  })
})

describe('the kpi socket frame', () => {
  it('arrives after a case action with the room’s report: the district’s, and a street user’s own', async () => {
    const open = (await call<{ cases: Case[] }>('GET', '/api/v1/cases?status=new&limit=5000')).body.cases
    const c = open.find((x) => x.path.street)!
    const street = c.path.street!
    const otherStreet = server.app.district.streets.find((s) => s.properties.id !== street)!.properties.id
    const [dt, st, ot] = [await token('district'), await token(`street-${street}`), await token(`street-${otherStreet}`)]
    const district = server.socket({ token: dt })
    const own = server.socket({ token: st })
    const other = server.socket({ token: ot })
    // The frame each socket gets as it connects carries the figures before the action.
    const [first, , otherFirst] = await Promise.all([
      waitFor(district, 'kpi', (f: KpiFrame) => f),
      waitFor(own, 'kpi', (f: KpiFrame) => f),
      waitFor(other, 'kpi', (f: KpiFrame) => f),
    ])
    expect(otherFirst.kpi.streets.map((s) => s.id)).toEqual([otherStreet])
    const escalationsBefore = first.kpi.streets.find((s) => s.id === street)!.escalations
    let otherFrames = 0
    other.on('kpi', () => (otherFrames += 1))

    const changed = (f: KpiFrame) => (f.kpi.streets.find((s) => s.id === street)?.escalations === escalationsBefore + 1 ? f : undefined)
    const [d, s] = await Promise.all([waitFor(district, 'kpi', changed), waitFor(own, 'kpi', changed), act(c.id, { action: 'escalate' })])
    expect(Value.Check(KpiReport, d.kpi)).toBe(true)
    expect(d.seq).toBe(server.app.store.lastSeq())
    expect(d.kpi.streets).toHaveLength(server.app.district.streets.length)
    expect(s.kpi.streets.map((x) => x.id)).toEqual([street])
    expect(s.kpi.total.escalations).toBe(s.kpi.streets[0]!.escalations)
    // The other street's room hears nothing of this street's case.
    await sleep(400)
    expect(otherFrames).toBe(0)
    expect(first.kpi.streets.length).toBe(server.app.district.streets.length)
  })
})
