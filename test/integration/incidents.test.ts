/**
 * Grid workers' reports through `POST /api/v1/incidents`: located like any event, photos and the
 * worker kept, safe to retry, refused whole with the bad index named, and streamed to the right street.
 */
import gcoord from 'gcoord'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventsFrame } from '../../domain/socket.ts'
import type { StoredEvent } from '../../domain/event.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { PRODUCER_KEY, startTestServer, waitFor, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let token: string
const rng = createRandom('incidents-test')
const round7 = (x: number) => Math.round(x * 1e7) / 1e7
const pointIn = (streetIndex: number) => randomPointInPolygon(rng, server.app.district.streets[streetIndex]!).map(round7) as [number, number]

beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('district')
})
afterAll(() => server.close())

const report = (over: Record<string, unknown> = {}): Record<string, unknown> & { description: string; location: { lng: number; lat: number } } => {
  const [lng, lat] = pointIn(3)
  return { category: 'fire_hazard', description: '3号楼楼道堆放杂物，堵塞疏散通道', location: { lng, lat }, workerId: 'W0010001', ...over }
}
const post = (body: unknown, key = PRODUCER_KEY) =>
  fetch(`${server.url}/api/v1/incidents`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) })
const getEvent = async (id: string): Promise<StoredEvent> =>
  (await fetch(`${server.url}/api/v1/events/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()

describe('POST /api/v1/incidents', () => {
  it('stores a report as an incident event in its street, with the worker and the photos', async () => {
    const body = report({ severity: 'severe', photos: ['https://oss.example.cn/w/1.jpg', '/media/w/2.jpg'], occurredAt: '2026-11-29T08:00:00+08:00' })
    const res = await post(body)
    expect(res.status).toBe(201)
    const reply = await res.json()
    expect(reply).toMatchObject({ accepted: 1, events: [{ duplicate: false }] })
    const e = await getEvent(reply.events[0].id)
    expect(e).toMatchObject({
      source: 'incident',
      category: 'fire_hazard',
      severity: 'severe',
      occurredAt: '2026-11-29T00:00:00.000Z',
      description: body.description,
      location: body.location,
      path: { street: server.app.district.streets[3]!.properties.id },
      attrs: { workerId: 'W0010001', photos: body.photos },
    })
    expect(e.path.microgrid).toMatch(/^\d+/)
  })

  it('applies the category’s default severity and the arrival time when the app gives neither', async () => {
    const before = Date.now()
    const reply = await (await post(report({ category: 'dispute' }))).json()
    const e = await getEvent(reply.events[0].id)
    expect(e.severity).toBe('minor')
    expect(Date.parse(e.occurredAt)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('treats a re-sent report as a duplicate, by its reportId or, without one, by its content and time', async () => {
    const byId = report({ reportId: 'app-77-0001' })
    const first = await (await post(byId)).json()
    const again = await (await post({ ...byId, description: '（重发）' + byId.description })).json()
    expect(again.events[0]).toMatchObject({ id: first.events[0].id, duplicate: true })

    const timed = report({ occurredAt: '2026-11-29T09:15:00+08:00' })
    const a = await (await post(timed)).json()
    const before = server.app.store.lastSeq()
    const b = await (await post(timed)).json()
    expect(b).toMatchObject({ accepted: 0, events: [{ id: a.events[0].id, duplicate: true }] })
    expect(server.app.store.lastSeq()).toBe(before)
  })

  it('converts a GCJ-02 location (the field app’s map) to WGS-84', async () => {
    const [lng, lat] = pointIn(5)
    const [gx, gy] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    const reply = await (await post(report({ location: { lng: gx, lat: gy, crs: 'GCJ02' } }))).json()
    const e = await getEvent(reply.events[0].id)
    expect(e.location.lng).toBeCloseTo(lng, 5)
    expect(e.location.lat).toBeCloseTo(lat, 5)
  })

  it('refuses a batch with bad items whole, naming each index and why, and stores nothing', async () => {
    const before = server.app.store.lastSeq()
    const res = await post([report(), report({ category: 'noise' }), report({ photos: ['javascript:alert(1)'] }), report({ workerId: undefined })])
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.message).toBe('3 of 4 items are invalid; nothing was stored')
    const byIndex = (i: number) => body.details.filter((d: { index: number }) => d.index === i)
    expect(byIndex(0)).toEqual([])
    expect(byIndex(1)[0]).toMatchObject({ path: '/category' })
    expect(byIndex(1)[0].message).toContain("unknown category \"noise\" for source 'incident'")
    expect(byIndex(2)[0]).toMatchObject({ path: '/photos/0' })
    expect(byIndex(3)[0]).toMatchObject({ path: '/workerId' })
    expect(server.app.store.lastSeq()).toBe(before)
  })

  it('needs a producer key', async () => {
    const res = await post(report(), 'not-a-key')
    expect(res.status).toBe(401)
  })

  it('streams the report to its street’s command post and not to another street', async () => {
    const [own, other] = [server.app.district.streets[3]!.properties.id, server.app.district.streets[4]!.properties.id]
    const [ownToken, otherToken] = [await server.login(`street-${own}`), await server.login(`street-${other}`)]
    const ownSocket = server.socket({ token: ownToken })
    const otherSocket = server.socket({ token: otherToken })
    const seen: string[] = []
    otherSocket.on('events', (f: EventsFrame) => seen.push(...f.events.map((e) => e.id)))
    await Promise.all([waitFor(ownSocket, 'snapshot', (s) => s), waitFor(otherSocket, 'snapshot', (s) => s)])
    // By its own id: an earlier test's report may still be on its way in a frame.
    const arrived = waitFor(ownSocket, 'events', (f: EventsFrame) => f.events.find((e) => e.sourceId === 'stream-1'))
    const reply = await (await post(report({ reportId: 'stream-1' }))).json()
    expect((await arrived).id).toBe(reply.events[0].id)
    await new Promise((r) => setTimeout(r, 600))
    expect(seen).not.toContain(reply.events[0].id)
  })
})
