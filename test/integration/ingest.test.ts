import { booleanPointInPolygon } from '@turf/turf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let token: string
const rng = createRandom('ingest-test')
const round7 = (x: number) => Math.round(x * 1e7) / 1e7
const pointIn = (streetIndex: number) => randomPointInPolygon(rng, server.app.district.streets[streetIndex]!).map(round7) as [number, number]

beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('district')
})
afterAll(() => server.close())

const get = (path: string, auth = token) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${auth}` } })

describe('POST /api/v1/events', () => {
  it('stores one event, located to its micro-grid and every tier above, and replies after the commit', async () => {
    const [lng, lat] = pointIn(2)
    const res = await server.ingest(hotlineItem('one-1', lng, lat))
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({ accepted: 1, events: [{ sourceId: 'one-1', duplicate: false }] })
    const stored = await (await get(`/api/v1/events/${body.events[0].id}`)).json()
    expect(stored).toMatchObject({
      id: body.events[0].id,
      seq: body.events[0].seq,
      source: 'hotline',
      severity: 'minor', // the category's default
      location: { lng, lat },
      outside: false,
      path: { district: '510108', street: server.app.district.streets[2]!.properties.id },
    })
    // All five tiers: the micro-grid that contains the point, and its ancestors by id prefix.
    const mg = server.app.district.microgrids.find((m) => m.properties.id === stored.path.microgrid)!
    expect(booleanPointInPolygon([lng, lat], mg)).toBe(true)
    expect(stored.path).toMatchObject({ grid: mg.properties.parentId, community: mg.properties.id.slice(0, 12) })
    expect(Date.parse(stored.receivedAt)).not.toBeNaN()
  })

  it('returns the original id for a re-sent sourceId and stores nothing new', async () => {
    const [lng, lat] = pointIn(0)
    const first = await (await server.ingest(hotlineItem('dup-1', lng, lat))).json()
    const before = server.app.store.lastSeq()
    const again = await server.ingest([hotlineItem('dup-1', lng, lat), hotlineItem('dup-2', lng, lat), hotlineItem('dup-2', lng, lat)])
    const body = await again.json()
    expect(again.status).toBe(201)
    expect(body.accepted).toBe(1)
    expect(body.events[0]).toEqual({ id: first.events[0].id, seq: first.events[0].seq, sourceId: 'dup-1', duplicate: true })
    expect(body.events[2]).toMatchObject({ id: body.events[1].id, duplicate: true })
    expect(server.app.store.lastSeq()).toBe(before + 1)
  })

  it('refuses a whole batch with one bad item, naming its index and reason, and stores nothing', async () => {
    const [lng, lat] = pointIn(1)
    const before = server.app.store.lastSeq()
    const batch = [hotlineItem('b-1', lng, lat), { ...hotlineItem('b-2', lng, lat), category: 'alien_invasion' }, hotlineItem('b-3', lng, lat)]
    const res = await server.ingest(batch)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' })
    expect(body.details).toEqual([expect.objectContaining({ index: 1, path: '/category', message: expect.stringContaining("unknown category \"alien_invasion\"") })])
    expect(server.app.store.lastSeq()).toBe(before)
    const list = await (await get('/api/v1/events?limit=5000')).json()
    expect(list.events.map((e: { sourceId: string }) => e.sourceId)).not.toContain('b-1')
  })

  it('names every bad item in a batch', async () => {
    const [lng, lat] = pointIn(1)
    const res = await server.ingest([
      { ...hotlineItem('c-1', lng, lat), location: { lng, lat: 91 } },
      hotlineItem('c-2', lng, lat),
      { ...hotlineItem('c-3', lng, lat), source: 'telepathy' },
      { ...hotlineItem('c-4', lng, lat), occurredAt: 'yesterday' },
    ])
    const body = await res.json()
    expect(res.status).toBe(400)
    expect(body.details.map((d: { index: number; path: string }) => [d.index, d.path])).toEqual([
      [0, '/location/lat'], [2, '/source'], [3, '/occurredAt'],
    ])
  })

  it.each([
    ['malformed JSON', '{"source": "hotline",', 400],
    ['a non-finite coordinate', '{"source":"hotline","sourceId":"x","category":"noise","occurredAt":"2026-11-22T08:00:00+08:00","location":{"lng":1e999,"lat":30.6}}', 400],
    ['an empty batch', '[]', 400],
  ])('gives a clear 4xx for %s', async (_name, raw, status) => {
    const before = server.app.store.lastSeq()
    const res = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'demo-producer-key' }, body: raw })
    expect(res.status).toBe(status)
    expect((await res.json()).message).toEqual(expect.any(String))
    expect(server.app.store.lastSeq()).toBe(before)
  })

  it('refuses a batch over 5,000 items and an oversized body', async () => {
    const [lng, lat] = pointIn(3)
    const big = Array.from({ length: 5001 }, (_, i) => hotlineItem(`big-${i}`, lng, lat))
    const res = await server.ingest(big)
    expect(res.status).toBe(400)
    expect((await res.json()).message).toMatch(/at most 5000/)
    const huge = await server.ingest([{ ...hotlineItem('huge', lng, lat), description: 'x'.repeat(17 * 1024 * 1024) }])
    expect(huge.status).toBe(413)
  })

  it('needs a valid producer key', async () => {
    const [lng, lat] = pointIn(3)
    const res = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'nope' }, body: JSON.stringify(hotlineItem('k', lng, lat)) })
    expect(res.status).toBe(401)
    expect((await res.json()).message).toMatch(/producer key/)
  })

  it('accepts a point outside the district but flags it', async () => {
    const res = await server.ingest(hotlineItem('far-1', 116.39, 39.9))
    const body = await res.json()
    const stored = await (await get(`/api/v1/events/${body.events[0].id}`)).json()
    expect(stored.outside).toBe(true)
    expect(stored.path).toEqual({ district: null, street: null, community: null, grid: null, microgrid: null })
  })

  it('converts GCJ-02 to WGS-84 with gcoord', async () => {
    const [lng, lat] = pointIn(4)
    const res = await server.ingest(hotlineItem('gcj-1', lng, lat, { location: { lng, lat, crs: 'GCJ02' } }))
    const stored = await (await get(`/api/v1/events/${(await res.json()).events[0].id}`)).json()
    // In Chengdu the GCJ-02 offset is a few hundred metres, mostly to the east and north.
    const dx = (lng - stored.location.lng) * 96_000
    const dy = (lat - stored.location.lat) * 111_000
    expect(Math.hypot(dx, dy)).toBeGreaterThan(200)
    expect(Math.hypot(dx, dy)).toBeLessThan(800)
  })
})

describe('publishing what a commit stored', () => {
  it('publishes the requests one commit answers together, before any of them resumes, and once each', async () => {
    const published: Array<{ seqs: number[]; when: number }> = []
    let step = 0
    const unsubscribe = server.app.bus.subscribe((events) => published.push({ seqs: events.map((e) => e.seq), when: step }))
    try {
      const [lng, lat] = pointIn(4)
      // Started in one turn, so group commit puts them in one transaction.
      const calls = Array.from({ length: 20 }, (_, i) => server.app.pipeline.ingest([hotlineItem(`together-${i}`, lng, lat)]).then((r) => {
        step++
        // By the time any caller resumes, its event has been published.
        expect(published.flatMap((p) => p.seqs)).toContain(r[0]!.seq)
        return r[0]!.seq
      }))
      const seqs = await Promise.all(calls)
      expect(published.flatMap((p) => p.seqs).sort((a, b) => a - b)).toEqual([...seqs].sort((a, b) => a - b))
      expect(published.length).toBeLessThan(20)
      expect(published[0]!.when).toBe(0)
    } finally {
      unsubscribe()
    }
  })

  it('still acknowledges a commit a subscriber failed on', async () => {
    const unsubscribe = server.app.bus.subscribe(() => {
      throw new Error('a subscriber bug')
    })
    try {
      const [lng, lat] = pointIn(5)
      const res = await server.ingest(hotlineItem('subscriber-bug-1', lng, lat))
      expect(res.status).toBe(201)
      const body = await res.json()
      expect((await get(`/api/v1/events/${body.events[0].id}`)).status).toBe(200)
    } finally {
      unsubscribe()
    }
  })
})

describe('reads', () => {
  it('need a user token', async () => {
    expect((await fetch(`${server.url}/api/v1/events`)).status).toBe(401)
    expect((await get('/api/v1/events', 'not-a-token')).status).toBe(401)
  })

  it('page by sinceSeq and filter by street and source, scoped for street users', async () => {
    const streets = server.app.district.streets
    const batch = Array.from({ length: 40 }, (_, i) => {
      const [lng, lat] = pointIn(i % 4)
      return hotlineItem(`read-${i}`, lng, lat)
    })
    await server.ingest(batch)
    const all = await (await get('/api/v1/events?limit=5000')).json()
    const page = await (await get(`/api/v1/events?sinceSeq=${all.events[0].seq}&limit=3`)).json()
    expect(page.events.map((e: { seq: number }) => e.seq)).toEqual(all.events.slice(1, 4).map((e: { seq: number }) => e.seq))
    expect(page.lastSeq).toBe(all.events[3].seq)

    const s1 = streets[1]!.properties.id
    const streetToken = await server.login(`street-${s1}`)
    const own = await (await get('/api/v1/events?limit=5000', streetToken)).json()
    expect(own.events.length).toBeGreaterThan(0)
    expect(own.events.every((e: { path: { street: string } }) => e.path.street === s1)).toBe(true)
    expect((await get(`/api/v1/events?street=${streets[0]!.properties.id}`, streetToken)).status).toBe(403)
    const other = all.events.find((e: { path: { street: string } }) => e.path.street !== s1)
    expect((await get(`/api/v1/events/${other.id}`, streetToken)).status).toBe(404)

    const bySource = await (await get('/api/v1/events?source=sensor')).json()
    expect(bySource.events).toEqual([])
  })
})
