/**
 * Cases (工单) through the real app: events from every door open or join cases (a smoke alarm plus
 * five calls from the block is one case), the lifecycle with its audit log, refusals (409, 400, 403),
 * street scoping, a restart, and the Open311 request following its case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Camera } from '../../domain/cameras.ts'
import type { Case, CaseAuditEntry } from '../../domain/cases.ts'
import type { StoredEvent } from '../../domain/event.ts'
import type { SensorEntry } from '../../domain/sensors.ts'
import { PRODUCER_KEY, hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'
import { apiClient } from '../helpers/api-client.ts'

type CaseDetail = Case & { events: StoredEvent[]; hotline: boolean; audit: CaseAuditEntry[] }

let server: TestServer
let serial = 0
const { call, forgetTokens } = apiClient(() => server)
const act = (id: string, body: Record<string, unknown>, user = 'district') => call<Case & { message?: string }>('POST', `/api/v1/cases/${id}/actions`, user, body)
const detail = (id: string, user = 'district') => call<CaseDetail>('GET', `/api/v1/cases/${id}`, user)

const streetId = (i: number) => server.app.district.streets[i]!.properties.id
/** A point `east` and `north` metres from `p`. */
const offset = (p: { lng: number; lat: number }, east: number, north: number) =>
  ({ lng: p.lng + east / (111_320 * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat + north / 111_320 })
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()

/** A smoke detector fitted in a building of street `i`. */
const smokeSensorIn = (i: number): SensorEntry =>
  server.app.sensors.registry.list({ street: streetId(i), type: 'smoke', limit: 200 }).find((s) => s.buildingId)!

async function ingestHotline(lng: number, lat: number, category: string, occurredAt: string): Promise<string> {
  const res = await server.ingest(hotlineItem(`case-test-${++serial}`, lng, lat, { category, occurredAt, title: '楼里有烟味' } as never))
  expect(res.status).toBe(201)
  return ((await res.json()) as { events: Array<{ id: string }> }).events[0]!.id
}

async function sensorAlarm(sensor: SensorEntry, at: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/sensors/events`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY },
    body: JSON.stringify({ sensorId: sensor.id, state: 'alarm', at, value: 12.5, messageId: `case-test-${++serial}` }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { events: Array<{ id: string }> }).events[0]!.id
}

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('opening and correlating cases', () => {
  let fireCase: Case

  it('makes a smoke alarm plus five calls from the same block within 15 minutes one case with six events', async () => {
    const sensor = smokeSensorIn(0)
    const alarmId = await sensorAlarm(sensor, minutesAgo(14))
    const callIds: string[] = []
    for (const [k, [east, north]] of [[30, 10], [-40, 25], [60, -20], [-15, -70], [80, 60]].entries()) {
      callIds.push(await ingestHotline(offset(sensor.location, east!, north!).lng, offset(sensor.location, east!, north!).lat, 'cooking_fumes', minutesAgo(12 - k * 2)))
    }
    const list = await call<{ cases: Case[] }>('GET', `/api/v1/cases?street=${sensor.path.street}`)
    expect(list.status).toBe(200)
    expect(list.body.cases).toHaveLength(1)
    fireCase = list.body.cases[0]!
    expect(fireCase).toMatchObject({
      id: expect.stringMatching(/^C-\d{7}$/), status: 'new', source: 'sensor', category: 'smoke', department: 'fire',
      tier: 'street', eventIds: [alarmId, ...callIds], eventCount: 6, path: sensor.path, escalations: 0,
    })
    expect(Date.parse(fireCase.deadlines.acceptBy) - Date.parse(fireCase.openedAt)).toBe(3 * 60_000)

    const one = await detail(fireCase.id)
    expect(one.status).toBe(200)
    expect(one.body.events.map((e) => e.id)).toEqual([alarmId, ...callIds])
    // A sensor's case with neighbours' calls in it: the callers get a return visit.
    expect(one.body.hotline).toBe(true)
    expect(one.body.audit.map((a) => [a.action, a.actor])).toEqual([['open', 'system'], ['reroute', 'system']])
  })

  it('opens a new case for a call far away, too late, or about something else', async () => {
    const sensor = smokeSensorIn(0)
    await ingestHotline(offset(sensor.location, 10, 10).lng, offset(sensor.location, 10, 10).lat, 'elevator_fault', minutesAgo(1))
    const far = offset(sensor.location, 3000, 0)
    await ingestHotline(far.lng, far.lat, 'cooking_fumes', minutesAgo(1))
    const cases = (await call<{ cases: Case[] }>('GET', '/api/v1/cases?status=new')).body.cases
    expect(cases.find((c) => c.id === fireCase.id)!.eventIds).toHaveLength(6)
    expect(cases.some((c) => c.category === 'elevator_fault' && c.department === 'market_supervision')).toBe(true)
  })

  it('opens no case for a low-confidence detection, one for an alerting one', async () => {
    const cameras = (await call<{ cameras: Camera[] }>('GET', '/api/v1/cameras')).body.cameras
    const camera = cameras.find((c) => c.path.street === streetId(1))!
    const post = async (confidence: number) => {
      const res = await fetch(`${server.url}/api/v1/detections`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY },
        body: JSON.stringify({ cameraId: camera.id, kind: 'dog_unleashed', confidence, at: new Date().toISOString(), bbox: [0.4, 0.5, 0.15, 0.2], detectionId: `case-det-${++serial}` }),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { events: Array<{ id: string }> }).events[0]!.id
    }
    const low = await post(0.2)
    expect(server.app.store.get(low)!.attrs.alerting).toBe(false)
    expect(server.app.cases.caseOfEvent(low)).toBeUndefined()
    const high = await post(0.95)
    expect(server.app.cases.caseOfEvent(high)).toMatchObject({ category: 'dog_unleashed', department: 'police', tier: 'microgrid' })
  })

  it('opens nothing for sensor states other than alarm', async () => {
    const sensor = server.app.sensors.registry.list({ street: streetId(2), type: 'heat', limit: 5 })[0]!
    const res = await fetch(`${server.url}/api/v1/sensors/events`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY },
      body: JSON.stringify([{ sensorId: sensor.id, state: 'fault', at: new Date().toISOString(), faultCode: 'E1' }, { sensorId: sensor.id, state: 'normal', at: new Date().toISOString() }]),
    })
    expect(res.status).toBe(201)
    const ids = ((await res.json()) as { events: Array<{ id: string }> }).events.map((e) => e.id)
    for (const id of ids) expect(server.app.cases.caseOfEvent(id)).toBeUndefined()
  })
})

describe('the case lifecycle', () => {
  let id: string
  const street = () => streetId(3)

  beforeAll(async () => {
    const p = server.app.sensors.registry.list({ street: street(), limit: 1 })[0]!.location
    const eventId = await ingestHotline(p.lng, p.lat, 'noise', new Date().toISOString())
    id = server.app.cases.caseOfEvent(eventId)!.id
  })

  it('refuses leader and wall (403), a wrong step (409 with the reason) and a resolve without a note (400)', async () => {
    expect((await act(id, { action: 'assign' }, 'leader')).status).toBe(403)
    expect((await act(id, { action: 'assign' }, 'wall')).status).toBe(403)
    const wrong = await act(id, { action: 'close' })
    expect(wrong.status).toBe(409)
    expect(wrong.body.message).toMatch(/is new .*close is allowed only from resolved/)
    expect((await act(id, { action: 'fly' })).status).toBe(400)
    expect((await act('C-9999999', { action: 'assign' })).status).toBe(404)
    expect((await act(id, { action: 'assign' }, `street-${street()}`)).status).toBe(200)
    expect((await act(id, { action: 'accept' })).status).toBe(200)
    const noNote = await act(id, { action: 'resolve' })
    expect(noNote.status).toBe(400)
    expect(noNote.body.message).toMatch(/note/)
    expect((await detail(id)).body.status).toBe('accepted')
  })

  it('walks to closed with a return visit, each step audited with its actor', async () => {
    expect((await act(id, { action: 'arrive' })).body.status).toBe('on_scene')
    const resolved = await act(id, { action: 'resolve', note: '已联系施工方，22点后停止夜间施工' }, `street-${street()}`)
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: { note: '已联系施工方，22点后停止夜间施工', by: `street-${street()}` } })
    expect((await act(id, { action: 'close' })).status).toBe(409)
    expect((await act(id, { action: 'return_visit', result: 'basically_satisfied' })).body.returnVisit).toBe('basically_satisfied')
    expect((await act(id, { action: 'close' })).body.status).toBe('closed')

    const audit = (await detail(id)).body.audit
    expect(audit.map((a) => `${a.action}:${a.from ?? '-'}→${a.to}:${a.actor}`)).toEqual([
      'open:-→new:system',
      `assign:new→assigned:street-${street()}`,
      'accept:assigned→accepted:district',
      'arrive:accepted→on_scene:district',
      `resolve:on_scene→resolved:street-${street()}`,
      'return_visit:resolved→resolved:district',
      'close:resolved→closed:district',
    ])
    for (const a of audit) expect(Date.parse(a.at)).toBeGreaterThan(Date.now() - 60_000)
    expect((await call<{ cases: Case[] }>('GET', `/api/v1/cases?status=closed&street=${street()}`)).body.cases.map((c) => c.id)).toContain(id)
  })

  it('escalates one tier at a time and refuses above the street', async () => {
    const p = offset(server.app.sensors.registry.list({ street: street(), limit: 1 })[0]!.location, 2000, 0)
    const c = server.app.cases.caseOfEvent(await ingestHotline(p.lng, p.lat, 'streetlight', new Date().toISOString()))!
    expect(c.tier).toBe('microgrid')
    expect((await act(c.id, { action: 'escalate', note: '需社区协调' })).body).toMatchObject({ status: 'escalated', tier: 'community', escalations: 1 })
    expect((await act(c.id, { action: 'escalate' })).body).toMatchObject({ tier: 'street', escalations: 2 })
    expect((await act(c.id, { action: 'escalate' })).status).toBe(409)
    expect((await act(c.id, { action: 'cancel' })).status).toBe(400)
    expect((await act(c.id, { action: 'cancel', note: '重复工单' })).body.status).toBe('cancelled')
  })
})

describe('scope', () => {
  it('shows a street user only their street’s cases; another street’s case is 404 to read or act on', async () => {
    const fire = (await call<{ cases: Case[] }>('GET', `/api/v1/cases?street=${streetId(0)}&tier=street`)).body.cases[0]!
    const own = await call<{ cases: Case[] }>('GET', '/api/v1/cases', `street-${streetId(0)}`)
    expect(own.body.cases.length).toBeGreaterThan(0)
    expect(own.body.cases.every((c) => c.path.street === streetId(0))).toBe(true)
    const other = `street-${streetId(1)}`
    expect((await call<{ cases: Case[] }>('GET', '/api/v1/cases', other)).body.cases.some((c) => c.id === fire.id)).toBe(false)
    expect((await call('GET', `/api/v1/cases?street=${streetId(0)}`, other)).status).toBe(403)
    expect((await detail(fire.id, other)).status).toBe(404)
    expect((await act(fire.id, { action: 'assign' }, other)).status).toBe(404)
    // Leader reads everything, with callers' contact masked like any feed.
    expect((await detail(fire.id, 'leader')).status).toBe(200)
    expect((await fetch(`${server.url}/api/v1/cases`)).status).toBe(401)
  })
})

describe('Open311 follows the case', () => {
  it('reports the request open, then closed with the resolution note once its case is resolved', async () => {
    const p = offset(server.app.sensors.registry.list({ street: streetId(4), limit: 1 })[0]!.location, 500, 0)
    const form = new URLSearchParams({
      api_key: PRODUCER_KEY, service_code: 'noise', lat: String(p.lat), long: String(p.lng), description: '广场舞音响太大',
      'attribute[noise_type]': 'construction', 'attribute[period]': 'night',
    })
    const posted = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })
    expect(posted.status).toBe(200)
    const requestId = ((await posted.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id
    const read = async () => ((await (await fetch(`${server.url}/open311/v2/requests/${requestId}.json`)).json()) as Array<Record<string, unknown>>)[0]!
    expect(await read()).toMatchObject({ status: 'open', status_notes: null })

    const c = server.app.cases.caseOfEvent(requestId)!
    for (const step of [{ action: 'assign' }, { action: 'accept' }, { action: 'resolve', note: '已劝导降低音量，改用耳机' }]) {
      expect((await act(c.id, step)).status).toBe(200)
    }
    expect(await read()).toMatchObject({ status: 'closed', status_notes: '已劝导降低音量，改用耳机' })
    const closed = (await (await fetch(`${server.url}/open311/v2/requests.json?status=closed&service_code=noise`)).json()) as Array<{ service_request_id: string }>
    expect(closed.map((r) => r.service_request_id)).toContain(requestId)
  })
})

describe('restart', () => {
  it('keeps cases and their audit, and rebuilds the open-case index', async () => {
    const before = (await call<{ cases: Case[] }>('GET', '/api/v1/cases?limit=5000')).body.cases
    const fire = before.find((c) => c.category === 'smoke')!
    const fireAudit = (await detail(fire.id)).body.audit
    await server.restart()
    forgetTokens()
    const after = (await call<{ cases: Case[] }>('GET', '/api/v1/cases?limit=5000')).body.cases
    expect(after).toEqual(before)
    expect((await detail(fire.id)).body.audit).toEqual(fireAudit)
    // A call next to the open fire case still joins it: the index was rebuilt from the database.
    const sensor = smokeSensorIn(0)
    const p = offset(sensor.location, 20, -20)
    const eventId = await ingestHotline(p.lng, p.lat, 'gas_supply', minutesAgo(0))
    expect(server.app.cases.caseOfEvent(eventId)!.id).toBe(fire.id)
    expect(server.app.cases.get(fire.id)!.eventIds).toHaveLength(7)
  })
})

describe('GET /api/v1/cases/board', () => {
  it('counts the open cases by tier and ranks the most urgent, within the caller’s scope', async () => {
    const sensor = smokeSensorIn(6)
    await sensorAlarm(sensor, minutesAgo(1))
    const { status, body } = await call<{ open: number; byTier: Record<string, number>; overdue: number; urgent: Array<{ case: Case; due: string }> }>('GET', '/api/v1/cases/board?limit=5')
    expect(status).toBe(200)
    expect(body.open).toBeGreaterThan(0)
    expect(body.byTier['microgrid']! + body.byTier['community']! + body.byTier['street']!).toBe(body.open)
    expect(body.urgent.length).toBeLessThanOrEqual(5)
    const dues = body.urgent.map((u) => Date.parse(u.due))
    expect(dues).toEqual([...dues].sort((a, b) => a - b))
    const own = streetId(6)
    const mine = await call<{ open: number; urgent: Array<{ case: Case }> }>('GET', '/api/v1/cases/board', `street-${own}`)
    expect(mine.body.open).toBeGreaterThan(0)
    expect(mine.body.open).toBeLessThanOrEqual(body.open)
    expect(mine.body.urgent.every((u) => u.case.path.street === own)).toBe(true)
  })
})
