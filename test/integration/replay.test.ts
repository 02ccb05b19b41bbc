/**
 * The replay's read (`GET /api/v1/replay/events`) through the real app: events posted through the
 * API come back as columns, oldest first, within the range asked for; heartbeats and detections below
 * the camera's threshold stay out; callers' contact never leaves; a street user gets only their
 * street; bad ranges get a 400 that says why; no token, a 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IngestItem, StoredEvent } from '../../domain/event.ts'
import type { ReplayReply } from '../../domain/replay.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { createNormalDay } from '../../simulations/generators/normal-day.ts'
import { apiClient } from '../helpers/api-client.ts'
import { hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
const api = apiClient(() => server)
const rng = createRandom('replay-test')
let streetA: string
let streetB: string
/** Between the two batches: batch 1 was received before it, batch 2 after. */
let between: string
let before: string
const firstIds: string[] = []
const secondIds: string[] = []

type Reply = ReplayReply & { message?: string }
const replay = (query: string, user = 'district') => api.call<Reply>('GET', `/api/v1/replay/events${query}`, user)

function pointIn(streetIndex: number): { lng: number; lat: number } {
  const [lng, lat] = randomPointInPolygon(rng, server.app.district.streets[streetIndex]!)
  return { lng, lat }
}

/** A 12345 call from a point of street A. */
function callInA(sourceId: string, extra: Record<string, unknown> = {}): IngestItem {
  const { lng, lat } = pointIn(2)
  return hotlineItem(sourceId, lng, lat, extra as Partial<IngestItem>)
}

async function post(items: unknown[]): Promise<string[]> {
  const res = await server.ingest(items)
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { events: { id: string }[] }).events.map((e) => e.id)
}

/** The reply's columns back as one object per event. */
function rows(r: ReplayReply) {
  const code = (col: 'source' | 'state' | 'severity' | 'category' | 'street' | 'title', i: number) => {
    const c = r[col][i]!
    return c === -1 ? null : r.dictionary[col][c]!
  }
  return r.seq.map((seq, i) => ({
    seq, at: r.at[i]!, lng: r.lng[i]!, lat: r.lat[i]!,
    source: code('source', i), state: code('state', i), severity: code('severity', i),
    category: code('category', i), street: code('street', i), title: code('title', i),
  }))
}

beforeAll(async () => {
  server = await startTestServer()
  streetA = server.app.district.streets[2]!.properties.id
  streetB = server.app.district.streets[6]!.properties.id
  before = new Date(Date.now() - 1000).toISOString()
  const day = createNormalDay({ seed: server.app.config.GRIDWATCH_SEED, district: server.app.district, runId: 'replay-test' })
  const generated = Array.from({ length: 300 }, () => day.next(new Date()))
  const sensor = generated.find((i) => i.source === 'sensor')!
  const detection = generated.find((i) => i.source === 'detection')!
  const at = new Date().toISOString()
  firstIds.push(...await post([
    ...[0, 1, 2].map((k) => callInA(`replay-a-${k}`, { title: `夜间施工噪声 ${k}` })),
    // A caller who left their name and number, in the contact fields and in the title.
    callInA('replay-a-caller', { title: '楼上漏水 请回电13812341234', attrs: { caller: { name: '张三', phone: '13812341234' } } }),
    ...[0, 1].map((k) => ({
      source: 'incident', sourceId: `replay-b-${k}`, category: 'fire_hazard', severity: 'severe', occurredAt: at,
      location: pointIn(6), title: '楼道堆放杂物', attrs: { workerId: 'W0070001' },
    })),
    { ...sensor, sourceId: 'replay-sensor-alarm', attrs: { ...sensor.attrs, state: 'alarm' } },
  ]))
  // Stored, but not what anyone reviews: a heartbeat and a detection below the camera's threshold.
  const quiet = await post([
    { ...sensor, sourceId: 'replay-sensor-beat', attrs: { ...sensor.attrs, state: 'heartbeat' } },
    { ...detection, sourceId: 'replay-det-low', attrs: { ...detection.attrs, confidence: 0.1 } },
  ])
  expect(quiet).toHaveLength(2)
  await new Promise((r) => setTimeout(r, 30))
  between = new Date().toISOString()
  await new Promise((r) => setTimeout(r, 30))
  secondIds.push(...await post([
    callInA('replay-a-late'),
    { ...detection, sourceId: 'replay-det-high', attrs: { ...detection.attrs, confidence: 0.95 } },
  ]))
})
afterAll(() => server.close())

describe('GET /api/v1/replay/events', () => {
  it('gives the last 24 hours’ events as equal-length columns, oldest first, as the API stored them', async () => {
    const { status, body } = await replay('')
    expect(status).toBe(200)
    expect(Date.parse(body.until) - Date.parse(body.from)).toBe(24 * 3_600_000)
    expect(body).toMatchObject({ count: 9, truncated: false, limit: 200_000 })
    for (const col of ['seq', 'at', 'lng', 'lat', 'source', 'state', 'severity', 'category', 'street', 'title'] as const) {
      expect(body[col], col).toHaveLength(body.count)
    }
    const got = rows(body)
    expect(got.map((r) => r.seq)).toEqual([...got.map((r) => r.seq)].sort((a, b) => a - b))
    expect(got.every((r, i) => i === 0 || r.at >= got[i - 1]!.at)).toBe(true)

    // Each one matches its stored document (read back through the events API).
    const stored = (await api.call<{ events: StoredEvent[] }>('GET', '/api/v1/events?limit=100')).body.events
    const bySeq = new Map(stored.map((e) => [e.seq, e]))
    for (const r of got) {
      const e = bySeq.get(r.seq)!
      expect(r.at).toBe(Date.parse(e.receivedAt))
      expect(r.lng).toBeCloseTo(e.location.lng, 5)
      expect(r.lat).toBeCloseTo(e.location.lat, 5)
      expect(r).toMatchObject({ source: e.source, severity: e.severity, category: e.category, street: e.path.street })
      expect(r.state).toBe(e.source === 'sensor' ? e.attrs['state'] : null)
    }
    expect(new Set(got.map((r) => bySeq.get(r.seq)!.id))).toEqual(new Set([...firstIds, ...secondIds]))
    expect(got.filter((r) => r.street === streetB).map((r) => r.title)).toEqual(['楼道堆放杂物', '楼道堆放杂物'])
  })

  it('leaves out heartbeats and detections below the threshold, which the store still holds', async () => {
    const stored = (await api.call<{ events: StoredEvent[] }>('GET', '/api/v1/events?limit=100')).body.events
    const quiet = stored.filter((e) => e.sourceId === 'replay-sensor-beat' || e.sourceId === 'replay-det-low')
    expect(quiet).toHaveLength(2)
    const seqs = new Set((await replay('')).body.seq)
    for (const e of quiet) expect(seqs.has(e.seq), e.sourceId).toBe(false)
  })

  it('never carries a caller’s contact, and masks a number in a hotline title', async () => {
    const { body } = await replay('')
    const text = JSON.stringify(body)
    expect(text).not.toContain('13812341234')
    expect(text).not.toContain('张三')
    expect(body.dictionary.title).toContain('楼上漏水 请回电138****1234')
  })

  it('keeps to the range asked for: [from, until)', async () => {
    const first = await replay(`?from=${encodeURIComponent(before)}&until=${encodeURIComponent(between)}`)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ from: before, until: between, count: 7 })
    const second = await replay(`?from=${encodeURIComponent(between)}`)
    expect(second.body.count).toBe(2)
    expect(Date.parse(second.body.until) - Date.parse(between)).toBe(24 * 3_600_000)
    expect(rows(second.body).map((r) => r.source).sort()).toEqual(['detection', 'hotline'])
    // An offset other than Z names the same instant.
    const shifted = new Date(Date.parse(between) + 8 * 3_600_000).toISOString().replace('Z', '+08:00')
    expect((await replay(`?until=${encodeURIComponent(shifted)}`)).body.count).toBe(7)
    expect((await replay(`?until=${encodeURIComponent(before)}`)).body.count).toBe(0)
    // A past day asked for by its start: its 24 hours, empty here.
    expect((await replay('?from=2026-11-01T00:00:00Z')).body).toMatchObject({ until: '2026-11-02T00:00:00.000Z', count: 0 })
  })

  it('cuts a range holding more than `limit` at its earliest events, and says so', async () => {
    const all = (await replay('')).body
    const { body } = await replay('?limit=3')
    expect(body).toMatchObject({ count: 3, limit: 3, truncated: true })
    expect(body.seq).toEqual(all.seq.slice(0, 3))
    expect((await replay('?limit=9')).body.truncated).toBe(false)
  })

  it('gives a street user only their own street, and refuses another street with 403', async () => {
    const mine = await replay('', `street-${streetA}`)
    expect(mine.status).toBe(200)
    const got = rows(mine.body)
    expect(got).toHaveLength(5)
    expect(got.every((r) => r.street === streetA)).toBe(true)
    expect((await replay(`?street=${streetA}`, `street-${streetA}`)).body.count).toBe(5)
    const other = await replay(`?street=${streetB}`, `street-${streetA}`)
    expect(other.status).toBe(403)
    expect(other.body.message).toMatch(/your scope is street/)
    // A district user may narrow to a street; an unknown one is a 400.
    expect(rows((await replay(`?street=${streetB}`)).body).map((r) => r.street)).toEqual([streetB, streetB])
    expect((await replay('?street=510108999')).status).toBe(400)
  })

  it('is readable by every signed-in role', async () => {
    for (const user of ['leader', 'wall']) expect((await replay('', user)).body.count, user).toBe(9)
  })

  it('refuses a bad range with a 400 that says why', async () => {
    const cases: Array<[string, RegExp]> = [
      ['?from=2026-11-29T10:00:00Z&until=2026-11-29T09:00:00Z', /until .* must be after from/],
      ['?from=2026-11-29T10:00:00Z&until=2026-11-29T10:00:00Z', /must be after from/],
      ['?from=2026-11-01T00:00:00Z&until=2026-11-08T00:00:01Z', /longer than 7 days/],
      ['?from=yesterday', /from/],
      ['?until=2026-11-29', /until/],
      ['?from=2026-02-30T10:00:00Z', /from/],
      ['?limit=0', /limit/],
      ['?limit=200001', /limit/],
    ]
    for (const [query, reason] of cases) {
      const { status, body } = await replay(query)
      expect(status, query).toBe(400)
      expect(body.message, query).toMatch(reason)
    }
  })

  it('needs a user token: 401 without one or with a bad one', async () => {
    const none = await fetch(`${server.url}/api/v1/replay/events`)
    expect(none.status).toBe(401)
    const bad = await fetch(`${server.url}/api/v1/replay/events`, { headers: { authorization: 'Bearer not-a-token' } })
    expect(bad.status).toBe(401)
    // A producer key is not a user.
    const key = await fetch(`${server.url}/api/v1/replay/events`, { headers: { 'x-api-key': 'demo-producer-key' } })
    expect(key.status).toBe(401)
  })

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/docs/json`)).json()) as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> }
    const op = doc.paths['/api/v1/replay/events']?.get
    expect(op).toBeDefined()
    expect(JSON.stringify(op!.responses['200'])).toContain('dictionary')
  })
})
