import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import type { Alarm, SensorView } from '../../domain/sensors.ts'
import { createNormalDay } from '../../simulations/generators/normal-day.ts'
import { PRODUCER_KEY, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let district: string
const tokens: Record<string, string> = {}

beforeAll(async () => {
  server = await startTestServer()
  district = await server.login('district')
})
afterAll(() => server.close())

const asKey = { 'x-api-key': PRODUCER_KEY }
const bearer = (t: string) => ({ authorization: `Bearer ${t}` })
async function token(user: string): Promise<string> {
  tokens[user] ??= await server.login(user)
  return tokens[user]
}
const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
const send = (messages: unknown) => call('POST', '/api/v1/sensors/events', asKey, messages)
const now = () => new Date().toISOString()
const alarmsOf = async (sensorId: string, status?: string) =>
  ((await (await call('GET', `/api/v1/alarms?sensorId=${sensorId}${status ? `&status=${status}` : ''}`, bearer(district))).json()) as { alarms: Alarm[] }).alarms
const event = async (id: string) => (await (await call('GET', `/api/v1/events/${id}`, bearer(district))).json()) as StoredEvent

/** Registry entries of a type, from the first page of a street. */
async function sensorsOf(type: string, street?: string): Promise<SensorView[]> {
  const res = await call('GET', `/api/v1/sensors?type=${type}&limit=50${street ? `&street=${street}` : ''}`, asKey)
  expect(res.status).toBe(200)
  return ((await res.json()) as { sensors: SensorView[] }).sensors
}

describe('sensor registry', () => {
  it('is generated on first boot: mostly smoke detectors in buildings, with gas, electrical and heat sensors', async () => {
    const res = await call('GET', '/api/v1/sensors?limit=5000', asKey)
    const page = (await res.json()) as { sensors: SensorView[]; next: string | null }
    expect(page.sensors).toHaveLength(5000)
    expect(page.next).toBe(page.sensors.at(-1)!.id)
    const smoke = page.sensors.filter((s) => s.type === 'smoke')
    expect(smoke.length / page.sensors.length).toBeGreaterThan(0.6)
    for (const type of ['gas', 'electrical', 'heat']) expect((await sensorsOf(type)).length).toBeGreaterThan(0)
    const s = smoke.find((x) => x.buildingId)!
    expect(s).toMatchObject({ id: expect.stringMatching(/^SEN-\d{9}-\d{5}$/), siteId: s.buildingId!.slice(0, 18), online: false, lastSeenAt: null })
    expect(s.path.street).toBe(s.id.slice(4, 13))
    const next = (await (await call('GET', `/api/v1/sensors?limit=10&after=${page.next}`, asKey)).json()) as { sensors: SensorView[] }
    expect(next.sensors[0]!.id > page.next!).toBe(true)
    expect(server.app.sensors.registry.size()).toBeGreaterThan(24_000)
  })

  it('reads one sensor by id for a user or a producer; unknown is 404', async () => {
    const [s] = await sensorsOf('gas')
    const res = await call('GET', `/api/v1/sensors/${s!.id}`, bearer(district))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(s)
    expect((await call('GET', '/api/v1/sensors/SEN-000000000-00000', asKey)).status).toBe(404)
    expect((await call('GET', `/api/v1/sensors/${s!.id}`, {})).status).toBe(401)
  })

  it('registers a sensor in a building (its centre, its compound, an assigned id) and corrects it; edits survive a restart', async () => {
    const building = server.app.sites.buildings[10]!.properties
    const res = await call('POST', '/api/v1/sensors', bearer(district), { type: 'smoke', name: '测试 3单元楼道烟感', buildingId: building.id })
    expect(res.status).toBe(201)
    const added = (await res.json()) as SensorView
    expect(added).toMatchObject({ type: 'smoke', buildingId: building.id, siteId: building.compoundId, path: { street: building.path.street }, online: false })
    expect(added.id).toMatch(new RegExp(`^SEN-${building.path.street}-\\d{5}$`))

    const byKey = await call('POST', '/api/v1/sensors', asKey, { id: 'GW-TEST-1', type: 'gas', name: '测试燃气', location: added.location })
    expect(byKey.status).toBe(201)
    expect((await call('POST', '/api/v1/sensors', asKey, { id: 'GW-TEST-1', type: 'gas', name: '再来', location: added.location })).status).toBe(409)
    expect((await call('POST', '/api/v1/sensors', asKey, { type: 'gas', name: '无位置' })).status).toBe(400)
    expect((await call('POST', '/api/v1/sensors', asKey, { type: 'gas', name: '区外', location: { lng: 0, lat: 0 } })).status).toBe(400)
    expect((await call('POST', '/api/v1/sensors', asKey, { type: 'gas', name: '无楼', buildingId: 'nope' })).status).toBe(400)
    const street = await token(`street-${building.path.street}`)
    expect((await call('POST', '/api/v1/sensors', bearer(street), { type: 'gas', name: 'x', buildingId: building.id })).status).toBe(403)
    expect((await call('POST', '/api/v1/sensors', bearer(await token('leader')), { type: 'gas', name: 'x', buildingId: building.id })).status).toBe(403)

    const other = server.app.sites.buildings.find((b) => b.properties.path.street === building.path.street && b.properties.compoundId !== building.compoundId)!.properties
    const patched = await call('PATCH', `/api/v1/sensors/${added.id}`, bearer(street), { type: 'heat', name: '改名', buildingId: other.id })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject({ id: added.id, type: 'heat', name: '改名', buildingId: other.id, siteId: other.compoundId })
    expect((await call('PATCH', `/api/v1/sensors/${added.id}`, bearer(await token('wall')), { name: 'x' })).status).toBe(403)
    expect((await call('PATCH', `/api/v1/sensors/${added.id}`, bearer(district), {})).status).toBe(400)

    await server.restart()
    const after = (await (await call('GET', `/api/v1/sensors/${added.id}`, asKey)).json()) as SensorView
    expect(after).toMatchObject({ type: 'heat', name: '改名', buildingId: other.id })
    expect((await call('GET', '/api/v1/sensors/GW-TEST-1', asKey)).status).toBe(200)
  })
})

describe('sensor messages and alarms', () => {
  it('raises an alarm, repeats update it, normal is recorded, and an operator acknowledges then clears it', async () => {
    const [s] = await sensorsOf('smoke')
    const res = await send([{ sensorId: s!.id, state: 'alarm', at: now(), messageId: 'a-1', value: 0.3 }])
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({ accepted: 1, heartbeats: 0, events: [{ sourceId: `${s!.id}/a-1`, duplicate: false }] })
    const first = await event(body.events[0].id)
    expect(first).toMatchObject({ source: 'sensor', category: 'smoke', severity: 'severe', location: s!.location, path: s!.path })
    expect(first.attrs).toMatchObject({ sensorId: s!.id, state: 'alarm', value: 0.3, buildingId: s!.buildingId, siteId: s!.siteId })
    let [alarm] = await alarmsOf(s!.id)
    expect(alarm).toMatchObject({ id: first.attrs['alarmId'], sensorId: s!.id, type: 'smoke', status: 'active', count: 1, eventId: first.id, street: s!.path.street })

    // A repeat (and a re-sent duplicate, which counts once) updates the same alarm.
    const repeat = await (await send([{ sensorId: s!.id, state: 'alarm', at: now(), messageId: 'a-2', level: 3 }, { sensorId: s!.id, state: 'alarm', at: now(), messageId: 'a-1' }])).json()
    expect(repeat.events[1].duplicate).toBe(true)
    const second = await event(repeat.events[0].id)
    expect(second.severity).toBe('extreme')
    expect(second.attrs['alarmId']).toBe(alarm!.id)
    ;[alarm] = await alarmsOf(s!.id)
    expect(alarm).toMatchObject({ count: 2, lastEventId: second.id, status: 'active' })

    await send({ sensorId: s!.id, state: 'normal', at: now() })
    const alarms = await alarmsOf(s!.id)
    expect(alarms).toHaveLength(1)
    expect(alarms[0]).toMatchObject({ status: 'active', normalAt: expect.any(String) })

    const ack = (t: string, id = alarm!.id) => call('POST', `/api/v1/alarms/${id}/ack`, bearer(t))
    const clear = (t: string, id = alarm!.id) => call('POST', `/api/v1/alarms/${id}/clear`, bearer(t))
    const early = await clear(district)
    expect(early.status).toBe(409)
    expect((await early.json()).message).toMatch(/not acknowledged/)
    expect((await ack(await token('leader'))).status).toBe(403)
    expect((await ack(await token('wall'))).status).toBe(403)
    const otherStreet = server.app.district.streets.map((x) => x.properties.id).find((id) => id !== s!.path.street)!
    expect((await ack(await token(`street-${otherStreet}`))).status).toBe(404)
    const acked = await ack(await token(`street-${s!.path.street}`))
    expect(acked.status).toBe(200)
    expect(await acked.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: `street-${s!.path.street}`, acknowledgedAt: expect.any(String) })
    const again = await ack(district)
    expect(again.status).toBe(409)
    expect((await again.json()).message).toMatch(/already acknowledged by street-/)
    const cleared = await clear(district)
    expect(await cleared.json()).toMatchObject({ status: 'cleared', clearedBy: 'district', clearedAt: expect.any(String), acknowledgedBy: `street-${s!.path.street}` })
    expect((await clear(district)).status).toBe(409)
    expect((await call('POST', '/api/v1/alarms/AL-nope/ack', bearer(district))).status).toBe(404)
    expect(await alarmsOf(s!.id)).toHaveLength(0)
    expect(await alarmsOf(s!.id, 'cleared')).toHaveLength(1)

    // After a clear, the next alarm is a new one.
    await send({ sensorId: s!.id, state: 'alarm', at: now(), messageId: 'a-3' })
    const [fresh] = await alarmsOf(s!.id, 'active')
    expect(fresh!.id).not.toBe(alarm!.id)
  })

  it('names one alarm in repeats that arrive before the first is applied', async () => {
    const [, , s] = await sensorsOf('gas')
    // Two requests back to back, nothing read between them: the second meets the first still waiting.
    const first = await (await send({ sensorId: s!.id, state: 'alarm', at: now(), messageId: 'quick-1' })).json()
    const second = await (await send({ sensorId: s!.id, state: 'alarm', at: now(), messageId: 'quick-2' })).json()
    const [a, b] = await Promise.all([event(first.events[0].id), event(second.events[0].id)])
    expect(b.attrs['alarmId']).toBe(a.attrs['alarmId'])
    expect(await alarmsOf(s!.id)).toEqual([expect.objectContaining({ id: a.attrs['alarmId'], count: 2, lastEventId: b.id })])
  })

  it('makes again, at the next boot, an alarm whose write a power cut lost (alarm writes do not wait for the disk)', async () => {
    const [, s] = await sensorsOf('gas')
    const body = await (await send([{ sensorId: s!.id, state: 'alarm', at: now(), messageId: 'lost-1' }])).json()
    const stored = await event(body.events[0].id)
    const [alarm] = await alarmsOf(s!.id)
    expect(alarm).toMatchObject({ eventId: stored.id, status: 'active', count: 1 })

    // What a power cut before the WAL reached the disk leaves: neither the alarm nor the seq it was written up to.
    await server.stop()
    const db = new Database(join(server.dataDir, 'operations.sqlite'))
    db.prepare('DELETE FROM alarms WHERE id = ?').run(alarm!.id)
    db.prepare("UPDATE follower_seq SET seq = ? WHERE name = 'sensor-alarms'").run(stored.seq - 1)
    db.close()
    await server.start()
    expect(await alarmsOf(s!.id)).toEqual([alarm])
    // Replaying does not count an alarm twice.
    await server.restart()
    expect(await alarmsOf(s!.id)).toEqual([alarm])
  })

  it('shows a fault as a fault, not a fire, and opens no alarm', async () => {
    const [s] = await sensorsOf('gas')
    const body = await (await send({ sensorId: s!.id, state: 'fault', at: now(), faultCode: 'E07' })).json()
    const e = await event(body.events[0].id)
    expect(e).toMatchObject({ category: 'gas', severity: 'minor', attrs: { state: 'fault', faultCode: 'E07' } })
    expect(e.title).toMatch(/故障/)
    expect(await alarmsOf(s!.id)).toHaveLength(0)
  })

  it('records a heartbeat as last seen without storing an event', async () => {
    const [, s] = await sensorsOf('electrical')
    const before = server.app.store.lastSeq()
    const res = await send([{ sensorId: s!.id, state: 'heartbeat', at: now() }])
    expect(await res.json()).toEqual({ accepted: 0, heartbeats: 1, events: [] })
    expect(server.app.store.lastSeq()).toBe(before)
    const view = (await (await call('GET', `/api/v1/sensors/${s!.id}`, asKey)).json()) as SensorView
    expect(view.online).toBe(true)
    expect(Date.now() - Date.parse(view.lastSeenAt!)).toBeLessThan(5000)
  })

  it('refuses a batch with an unknown sensor, naming its index, and stores nothing', async () => {
    const [s] = await sensorsOf('smoke')
    const before = server.app.store.lastSeq()
    const res = await send([{ sensorId: s!.id, state: 'alarm', at: now(), messageId: 'u-1' }, { sensorId: 'SEN-999999999-99999', state: 'alarm', at: now() }])
    expect(res.status).toBe(400)
    expect((await res.json()).details).toEqual([expect.objectContaining({ index: 1, path: '/sensorId', message: expect.stringMatching(/unknown sensor/) })])
    expect(server.app.store.lastSeq()).toBe(before)
    const bad = await send([{ sensorId: s!.id, state: 'heartbeat', at: now() }, { sensorId: s!.id, state: 'offline', at: now() }])
    expect(bad.status).toBe(400)
    expect((await bad.json()).details[0]).toMatchObject({ index: 1, path: '/state' })
  })

  it('checks sensor items from POST /api/v1/events against the registry too', async () => {
    const [s] = await sensorsOf('heat')
    const item = (over: Record<string, unknown>) => ({
      source: 'sensor', sourceId: `ev-${Math.random()}`, category: 'heat', occurredAt: now(), location: { lng: 104.1, lat: 30.66 },
      attrs: { sensorId: s!.id, state: 'fault' }, ...over,
    })
    const before = server.app.store.lastSeq()
    const refused = await server.ingest([item({}), item({ attrs: { sensorId: 'S1', state: 'alarm' } }), item({ category: 'gas' })])
    expect(refused.status).toBe(400)
    expect((await refused.json()).details.map((d: { index: number }) => d.index)).toEqual([1, 2])
    expect(server.app.store.lastSeq()).toBe(before)
    const ok = await (await server.ingest([item({})])).json()
    // A fitted sensor does not move: the registry's point is stored.
    expect(await event(ok.events[0].id)).toMatchObject({ location: s!.location, severity: 'minor', attrs: { siteId: s!.siteId } })
  })

  it('keeps street users to their street', async () => {
    const [s] = await sensorsOf('smoke')
    const own = await token(`street-${s!.path.street}`)
    const otherStreet = server.app.district.streets.map((x) => x.properties.id).find((id) => id !== s!.path.street)!
    const other = await token(`street-${otherStreet}`)
    expect((await call('GET', `/api/v1/sensors/${s!.id}`, bearer(own))).status).toBe(200)
    expect((await call('GET', `/api/v1/sensors/${s!.id}`, bearer(other))).status).toBe(404)
    expect((await call('PATCH', `/api/v1/sensors/${s!.id}`, bearer(other), { name: 'x' })).status).toBe(404)
    expect((await call('GET', `/api/v1/sensors?street=${s!.path.street}`, bearer(other))).status).toBe(403)
    const mine = (await (await call('GET', '/api/v1/sensors?limit=100', bearer(other))).json()) as { sensors: SensorView[] }
    expect(mine.sensors.every((x) => x.path.street === otherStreet)).toBe(true)
    expect((await call('GET', `/api/v1/alarms?street=${s!.path.street}`, bearer(other))).status).toBe(403)
    const list = (await (await call('GET', '/api/v1/alarms?status=cleared', bearer(other))).json()) as { alarms: Alarm[] }
    expect(list.alarms.every((a) => a.street === otherStreet)).toBe(true)
  })
})

describe('the normal-day simulation', () => {
  it('posts sensor events for registered sensors, which the server accepts', async () => {
    const day = createNormalDay({ seed: server.app.config.GRIDWATCH_SEED, district: server.app.district, runId: 'sensor-sim' })
    const items = Array.from({ length: 400 }, () => day.next(new Date())).filter((i) => i.source === 'sensor')
    expect(items.length).toBeGreaterThan(10)
    const res = await server.ingest(items)
    expect(res.status).toBe(201)
    for (const item of items) expect(server.app.sensors.registry.get(String(item.attrs['sensorId']))?.type).toBe(item.category)
  })
})

describe('offline sensors', () => {
  let fast: TestServer
  beforeAll(async () => {
    fast = await startTestServer({ SENSOR_HEARTBEAT_INTERVAL_S: '0.2', SENSOR_OFFLINE_AFTER_BEATS: '2' })
  })
  afterAll(() => fast.close())

  it('marks a sensor offline after missed beats (an event) and back online when heard again; never-seen sensors stay quiet', async () => {
    const list = (await (await fetch(`${fast.url}/api/v1/sensors?type=smoke&limit=2`, { headers: asKey })).json()) as { sensors: SensorView[] }
    const s = list.sensors[0]!
    const beat = () => fetch(`${fast.url}/api/v1/sensors/events`, {
      method: 'POST', headers: { ...asKey, 'content-type': 'application/json' }, body: JSON.stringify({ sensorId: s.id, state: 'heartbeat', at: now() }),
    })
    const before = fast.app.store.lastSeq()
    expect((await beat()).status).toBe(201)
    await new Promise((r) => setTimeout(r, 900))
    const t = await fast.login('district')
    const events = async () =>
      ((await (await fetch(`${fast.url}/api/v1/events?source=sensor&sinceSeq=${before}`, { headers: bearer(t) })).json()) as { events: StoredEvent[] }).events
    const offline = await events()
    expect(offline).toHaveLength(1)
    expect(offline[0]).toMatchObject({ category: 'smoke', severity: 'minor', attrs: { sensorId: s.id, state: 'offline' } })
    expect(((await (await fetch(`${fast.url}/api/v1/sensors/${s.id}`, { headers: asKey })).json()) as SensorView).online).toBe(false)

    expect((await beat()).status).toBe(201)
    await new Promise((r) => setTimeout(r, 100))
    const back = await events()
    expect(back.map((e) => e.attrs['state'])).toEqual(['offline', 'online'])
    expect(((await (await fetch(`${fast.url}/api/v1/sensors/${s.id}`, { headers: asKey })).json()) as SensorView).online).toBe(true)
  })
})
