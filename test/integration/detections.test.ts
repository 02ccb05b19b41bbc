/**
 * AI camera detections (AI识别) through the real app: the camera registry, `POST /api/v1/detections`
 * and the detection step on `POST /api/v1/events`, the confidence threshold, detection hotspots (also
 * after a restart), generated snapshots, and street scoping.
 */
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Camera, Hotspot } from '../../domain/cameras.ts'
import type { StoredEvent } from '../../domain/event.ts'
import { createNormalDay } from '../../simulations/generators/normal-day.ts'
import { PRODUCER_KEY, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let token: string
let cameras: Camera[]
let serial = 0

const auth = (t: string) => ({ authorization: `Bearer ${t}` })
const getJson = async <T>(path: string, t = token) => {
  const res = await fetch(`${server.url}${path}`, { headers: auth(t) })
  return { status: res.status, body: (await res.json()) as T }
}
const postDetections = (body: unknown) =>
  fetch(`${server.url}/api/v1/detections`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY }, body: JSON.stringify(body),
  })
const detection = (camera: Camera, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  cameraId: camera.id, kind: 'dog_unleashed', confidence: 0.9, at: new Date().toISOString(), bbox: [0.4, 0.5, 0.15, 0.2],
  detectionId: `test-det-${++serial}`, ...extra,
})
const lastSeq = () => server.app.store.lastSeq()
const hotspots = async (t = token) => (await getJson<{ hotspots: Hotspot[] }>('/api/v1/hotspots', t)).body.hotspots

/** A camera of street `s` (the i-th), so tests do not share cameras and hotspots. */
const cameraIn = (streetIndex: number, i: number): Camera => {
  const street = server.app.district.streets[streetIndex]!.properties.id
  return cameras.filter((c) => c.path.street === street)[i]!
}

beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('district')
  cameras = (await getJson<{ cameras: Camera[] }>('/api/v1/cameras')).body.cameras
})
afterAll(() => server.close())

describe('camera registry', () => {
  it('lists about 1,200 cameras with Chinese names, ids by street', async () => {
    expect(cameras.length).toBeGreaterThan(1000)
    expect(cameras.length).toBeLessThan(1400)
    for (const c of cameras.slice(0, 50)) {
      expect(c.id).toMatch(/^CAM-\d{9}-\d{4}$/)
      expect(c.id.slice(4, 13)).toBe(c.path.street)
      expect(c.name).toMatch(/[\u4e00-\u9fff]/)
    }
    const one = await getJson<Camera>(`/api/v1/cameras/${cameras[7]!.id}`)
    expect(one.body).toEqual(cameras[7])
    expect((await getJson(`/api/v1/cameras/CAM-000000000-0001`)).status).toBe(404)
    const limited = await getJson<{ cameras: Camera[]; total: number }>('/api/v1/cameras?limit=5')
    expect(limited.body.cameras).toHaveLength(5)
    expect(limited.body.total).toBe(cameras.length)
  })

  it('needs a user token', async () => {
    expect((await fetch(`${server.url}/api/v1/cameras`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/v1/hotspots`)).status).toBe(401)
  })
})

describe('POST /api/v1/detections', () => {
  it('stores an alerting detection at its camera with the camera and frame in attrs', async () => {
    const camera = cameraIn(0, 0)
    const msg = detection(camera, { snapshotUrl: '/api/v1/snapshots/x/y.svg', clipUrl: 'https://video.example.cn/c/1' })
    const res = await postDetections(msg)
    expect(res.status).toBe(201)
    const reply = (await res.json()) as { accepted: number; events: { id: string; sourceId: string }[] }
    expect(reply.accepted).toBe(1)
    expect(reply.events[0]!.sourceId).toBe(msg.detectionId)
    const event = (await getJson<StoredEvent>(`/api/v1/events/${reply.events[0]!.id}`)).body
    expect(event).toMatchObject({ source: 'detection', category: 'dog_unleashed', location: camera.location, path: camera.path })
    expect(event.attrs).toEqual({
      cameraId: camera.id, cameraName: camera.name, confidence: 0.9, bbox: [0.4, 0.5, 0.15, 0.2],
      snapshotUrl: msg.snapshotUrl, clipUrl: msg.clipUrl, alerting: true,
    })
    // The same detection again is a duplicate, and one without an id is keyed by what it says.
    const again = (await (await postDetections(msg)).json()) as { accepted: number; events: { duplicate: boolean }[] }
    expect(again).toMatchObject({ accepted: 0, events: [{ duplicate: true }] })
    const anonymous = { ...msg, detectionId: undefined }
    const first = (await (await postDetections(anonymous)).json()) as { events: { sourceId: string; duplicate: boolean }[] }
    const second = (await (await postDetections(anonymous)).json()) as { events: { sourceId: string; duplicate: boolean }[] }
    expect(first.events[0]!.sourceId).toMatch(/^det-[0-9a-f]{32}$/)
    expect(second.events[0]).toEqual({ ...first.events[0], duplicate: true, id: expect.any(String), seq: expect.any(Number) })
  })

  it('stores a detection below the threshold as minor and not alerting', async () => {
    const res = await postDetections(detection(cameraIn(0, 1), { confidence: 0.3 }))
    expect(res.status).toBe(201)
    const id = ((await res.json()) as { events: { id: string }[] }).events[0]!.id
    const event = (await getJson<StoredEvent>(`/api/v1/events/${id}`)).body
    expect(event.severity).toBe('minor')
    expect(event.attrs.alerting).toBe(false)
  })

  it('refuses the whole batch for an unknown camera, naming its index, and stores nothing', async () => {
    const before = lastSeq()
    const res = await postDetections([detection(cameraIn(0, 2)), detection(cameraIn(0, 2), { cameraId: 'CAM-999999999-0001' })])
    expect(res.status).toBe(400)
    const body = (await res.json()) as { message: string; details: { index: number; path: string; message: string }[] }
    expect(body.details).toEqual([{ index: 1, path: '/cameraId', message: 'unknown camera "CAM-999999999-0001"' }])
    expect(lastSeq()).toBe(before)
  })

  it('refuses a box off the frame, a malformed message, and a javascript: snapshot', async () => {
    const before = lastSeq()
    const off = await postDetections(detection(cameraIn(0, 2), { bbox: [0.9, 0.5, 0.2, 0.1] }))
    expect(off.status).toBe(400)
    expect(((await off.json()) as { details: { path: string; message: string }[] }).details[0]).toMatchObject({ path: '/bbox', message: expect.stringContaining('off the frame') })
    const bad = await postDetections([detection(cameraIn(0, 2)), { ...detection(cameraIn(0, 2)), confidence: 7 }])
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { details: { index: number }[] }).details.map((d) => d.index)).toEqual([1])
    expect((await postDetections(detection(cameraIn(0, 2), { snapshotUrl: 'javascript:alert(1)' }))).status).toBe(400)
    expect((await postDetections(detection(cameraIn(0, 2)), )).status).toBe(201)
    expect(lastSeq()).toBe(before + 1)
    const noKey = await fetch(`${server.url}/api/v1/detections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(detection(cameraIn(0, 2))) })
    expect(noKey.status).toBe(401)
  })
})

describe('detections through POST /api/v1/events', () => {
  const item = (cameraId: string, extra: Record<string, unknown> = {}) => ({
    source: 'detection', sourceId: `ev-det-${++serial}`, category: 'stray_dog', occurredAt: new Date().toISOString(),
    location: cameraIn(1, 0).location, attrs: { cameraId, confidence: 0.55, alerting: true, ...extra },
  })

  it('completes a registered camera’s detection and sets alerting by the threshold', async () => {
    const camera = cameraIn(1, 0)
    const res = await server.ingest(item(camera.id))
    expect(res.status).toBe(201)
    const id = ((await res.json()) as { events: { id: string }[] }).events[0]!.id
    const event = (await getJson<StoredEvent>(`/api/v1/events/${id}`)).body
    // 0.55 is below the default 0.6: the producer's own `alerting: true` does not count.
    expect(event.attrs).toMatchObject({ cameraId: camera.id, cameraName: camera.name, alerting: false })
    expect(event.severity).toBe('minor')
  })

  it('refuses an unknown camera and a bad box, naming the index, storing nothing', async () => {
    const before = lastSeq()
    const hotline = { source: 'hotline', sourceId: `ev-hot-${++serial}`, category: 'noise', occurredAt: new Date().toISOString(), location: cameraIn(1, 0).location }
    const res = await server.ingest([hotline, item('CAM-TEST-0001'), item(cameraIn(1, 0).id, { bbox: [0.5, 0.5, 0, 0.1] })])
    expect(res.status).toBe(400)
    const details = ((await res.json()) as { details: { index: number; path: string }[] }).details
    expect(details.map((d) => [d.index, d.path])).toEqual([[1, '/attrs/cameraId'], [2, '/attrs/bbox']])
    expect(lastSeq()).toBe(before)
  })
})

describe('hotspots', () => {
  it('forms one from three alerting detections of one kind at one camera within the window', async () => {
    const hot = cameraIn(2, 0)
    const cold = cameraIn(2, 1)
    const now = Date.now()
    const at = (minAgo: number) => new Date(now - minAgo * 60_000).toISOString()
    // Two at `cold`, plus low-confidence ones and another kind: not a hotspot.
    expect((await postDetections([
      detection(cold, { at: at(10) }), detection(cold, { at: at(5) }),
      detection(cold, { at: at(4), confidence: 0.2 }), detection(cold, { at: at(3), kind: 'stray_dog' }),
    ])).status).toBe(201)
    expect((await hotspots()).filter((h) => h.cameraId === cold.id)).toEqual([])
    // Three at `hot`, one of them long before the window: two count, then a third within it forms one.
    expect((await postDetections([detection(hot, { at: at(90) }), detection(hot, { at: at(20) }), detection(hot, { at: at(12) })])).status).toBe(201)
    expect((await hotspots()).filter((h) => h.cameraId === hot.id)).toEqual([])
    expect((await postDetections(detection(hot, { at: at(1) }))).status).toBe(201)
    const found = (await hotspots()).filter((h) => h.cameraId === hot.id)
    expect(found).toEqual([{
      type: 'detection', id: `HS-${hot.id}-dog_unleashed-${Date.parse(at(20))}`, cameraId: hot.id, kind: 'dog_unleashed', count: 3,
      firstAt: at(20), lastAt: at(1), expiresAt: new Date(now - 60_000 + 30 * 60_000).toISOString(),
      location: hot.location, path: hot.path, cameraName: hot.name, caseId: null,
    }])

    // Street scoping: the camera's street sees it; another street's user does not, nor may ask for it.
    const own = await server.login(`street-${hot.path.street}`)
    const other = await server.login(`street-${cameraIn(0, 0).path.street}`)
    expect((await hotspots(own)).map((h) => h.id)).toContain(found[0]!.id)
    expect((await hotspots(other)).map((h) => h.id)).not.toContain(found[0]!.id)
    expect((await getJson(`/api/v1/hotspots?street=${hot.path.street}`, other)).status).toBe(403)

    // Rebuilt from the store at boot, with the same id.
    await server.restart()
    expect((await hotspots()).filter((h) => h.cameraId === hot.id).map((h) => [h.id, h.count])).toEqual([[found[0]!.id, 3]])
  })
})

describe('street scoping of the registry', () => {
  it('shows a street user only their street’s cameras', async () => {
    const mine = cameraIn(3, 0)
    const theirs = cameraIn(4, 0)
    const t = await server.login(`street-${mine.path.street}`)
    const list = (await getJson<{ cameras: Camera[] }>('/api/v1/cameras', t)).body.cameras
    expect(list.length).toBeGreaterThan(0)
    expect(list.every((c) => c.path.street === mine.path.street)).toBe(true)
    expect((await getJson(`/api/v1/cameras/${mine.id}`, t)).status).toBe(200)
    expect((await getJson(`/api/v1/cameras/${theirs.id}`, t)).status).toBe(404)
    expect((await getJson(`/api/v1/cameras?street=${theirs.path.street}`, t)).status).toBe(403)
  })
})

describe('snapshots', () => {
  const hostile = `x"><script>alert(1)</script>&<![CDATA[`

  it('serves a deterministic SVG with the label, time and camera name (the wall draws the box), escaping the ids', async () => {
    const camera = cameraIn(5, 0)
    const q = new URLSearchParams({ kind: 'dog_unleashed', at: '2025-05-01T06:03:22.000Z', bbox: '0.4,0.5,0.15,0.2', confidence: '0.87' })
    const url = `${server.url}/api/v1/snapshots/${camera.id}/${encodeURIComponent(hostile)}.svg?${q}`
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const svg = await res.text()
    expect(XMLValidator.validate(svg)).toBe(true)
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('<![CDATA[')
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).toContain(camera.name)
    expect(svg).toContain('犬类未系绳 87%')
    expect(svg).toContain('2025-05-01 14:03:22')
    expect(svg).not.toContain('stroke="#ff3b30"')
    expect(await (await fetch(url)).text()).toBe(svg)
  })

  it('serves the clip stand-in page, refuses bad queries, and 404s an unknown camera', async () => {
    const camera = cameraIn(5, 1)
    const clip = await fetch(`${server.url}/api/v1/snapshots/${camera.id}/${encodeURIComponent(hostile)}.clip`)
    expect(clip.status).toBe(200)
    expect(clip.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await clip.text()
    expect(html).not.toContain('<script')
    expect(html).toContain('静帧')
    expect((await fetch(`${server.url}/api/v1/snapshots/${camera.id}/d1.svg?bbox=0.9,0.9,0.5,0.5`)).status).toBe(400)
    expect((await fetch(`${server.url}/api/v1/snapshots/${camera.id}/d1.svg?kind=unicorn`)).status).toBe(400)
    expect((await fetch(`${server.url}/api/v1/snapshots/${camera.id}/d1.png`)).status).toBe(400)
    expect((await fetch(`${server.url}/api/v1/snapshots/CAM-999999999-0001/d1.svg`)).status).toBe(404)
  })
})

describe('the demo simulation', () => {
  it('posts detections at registered cameras whose snapshot URLs serve pictures', async () => {
    const day = createNormalDay({ seed: server.app.config.GRIDWATCH_SEED, district: server.app.district, runId: 'sim-test' })
    // Only the detections: the other sources' registries are not this test's concern.
    const shots = Array.from({ length: 400 }, () => day.next(new Date())).filter((i) => i.source === 'detection')
    const res = await server.ingest(shots)
    expect(res.status, await res.clone().text()).toBe(201)
    expect(shots.length).toBeGreaterThan(40)
    for (const item of shots.slice(0, 5)) {
      const attrs = item.attrs as { cameraId: string; snapshotUrl: string; clipUrl: string }
      expect(item.location).toEqual(server.app.cameras.get(attrs.cameraId)!.location)
      const svg = await fetch(`${server.url}${attrs.snapshotUrl}`)
      expect(svg.status).toBe(200)
      expect(await svg.text()).toContain(server.app.cameras.get(attrs.cameraId)!.name)
      expect((await fetch(`${server.url}${attrs.clipUrl}`)).status).toBe(200)
    }
  })
})
