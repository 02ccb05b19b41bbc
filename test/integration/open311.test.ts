/**
 * The 12345 hotline through Open311 GeoReport v2 under `/open311/v2/`: services, POST (form and
 * JSON), GET requests with the spec's filters and defaults, spec-format errors in JSON and XML, and
 * the caller's contact masked everywhere it leaves the server while the store keeps it raw.
 */
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import type { EventsFrame, Snapshot } from '../../domain/socket.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, PRODUCER_KEY, startTestServer, waitFor, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let token: string
const rng = createRandom('open311-test')
const round7 = (x: number) => Math.round(x * 1e7) / 1e7
const pointIn = (streetIndex: number) => randomPointInPolygon(rng, server.app.district.streets[streetIndex]!).map(round7) as [number, number]
const PHONE = '13812341234'
const MASKED = '138****1234'

beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('district')
})
afterAll(() => server.close())

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'attribute', 'value', 'error'].includes(name) })
const o311 = (path: string, init?: RequestInit) => fetch(`${server.url}/open311/v2/${path}`, init)
const getJson = async (path: string) => (await o311(path)).json()

/** A form body as a generic Open311 client encodes it: `attribute[code]`, `attribute[code][]` for lists. */
function form(fields: Record<string, string | number | string[]>): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, String(one))
  return p.toString()
}
const postForm = (fields: Record<string, string | number | string[]>, format = 'json', headers: Record<string, string> = {}) =>
  o311(`requests.${format}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, body: form(fields) })
const postJson = (body: unknown, format = 'json') =>
  o311(`requests.${format}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

function noiseFields(lng: number, lat: number, extra: Record<string, string | number | string[]> = {}) {
  return {
    api_key: PRODUCER_KEY, service_code: 'noise', lat, long: lng,
    first_name: '三', last_name: '张', phone: PHONE, email: 'zhangsan@example.com',
    description: `楼下工地夜间施工，请回电${PHONE}`, device_id: 'dev-42', account_id: 'acct-7',
    'attribute[noise_type]': 'construction', 'attribute[period]': 'night',
    ...extra,
  }
}

const stored = (id: string) => server.app.store.get(id)!
const api = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })

describe('GET services and service definitions', () => {
  it('lists about thirty 12345 services in groups, in JSON', async () => {
    const res = await o311('services.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/)
    const list = await res.json()
    expect(list.length).toBeGreaterThanOrEqual(28)
    expect(list.find((s: { service_code: string }) => s.service_code === 'noise')).toEqual({
      service_code: 'noise', service_name: '噪声扰民', description: expect.any(String), metadata: true, type: 'realtime',
      keywords: expect.stringContaining('噪音'), group: '生态环境',
    })
    expect(list.find((s: { service_code: string }) => s.service_code === 'streetlight')).toMatchObject({ metadata: false, group: '市政设施' })
  })

  it('lists the same services in XML, <services><service>…', async () => {
    const res = await o311('services.xml')
    expect(res.headers.get('content-type')).toMatch(/^text\/xml; charset=utf-8/)
    const text = await res.text()
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
    const doc = xml.parse(text)
    const json = await getJson('services.json')
    expect(doc.services.service).toHaveLength(json.length)
    expect(doc.services.service[0]).toEqual(Object.fromEntries(Object.entries(json[0]).map(([k, v]) => [k, String(v)])))
  })

  it('defines a service’s attributes in JSON and XML', async () => {
    const def = await getJson('services/noise.json')
    expect(def.service_code).toBe('noise')
    expect(def.attributes[0]).toEqual({
      variable: true, code: 'noise_type', datatype: 'singlevaluelist', required: true, datatype_description: '单选', order: 1, description: '噪声类型',
      values: [{ key: 'construction', name: '施工' }, { key: 'shop', name: '商铺' }, { key: 'household', name: '生活' }, { key: 'traffic', name: '交通' }],
    })
    const doc = xml.parse(await (await o311('services/noise.xml')).text())
    expect(doc.service_definition.service_code).toBe('noise')
    const attrs = doc.service_definition.attributes.attribute
    expect(attrs.map((a: { code: string }) => a.code)).toEqual(def.attributes.map((a: { code: string }) => a.code))
    expect(attrs[0].values.value[1]).toEqual({ key: 'shop', name: '商铺' })
    expect(attrs[2]).toMatchObject({ code: 'started_at', datatype: 'datetime', required: 'false', order: '3' })
    expect((await getJson('services/streetlight.json')).attributes).toEqual([])
  })

  it('answers an unknown service code with a spec error, 404, in both formats', async () => {
    const res = await o311('services/alien_invasion.json')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual([{ code: 404, description: expect.stringContaining("service_code 'alien_invasion' not found") }])
    const x = await o311('services/alien_invasion.xml')
    expect(x.status).toBe(404)
    expect(xml.parse(await x.text()).errors.error[0]).toEqual({ code: '404', description: expect.stringContaining('alien_invasion') })
  })

  it('accepts its own jurisdiction_id or none, and refuses another with 404', async () => {
    expect((await o311('services.json?jurisdiction_id=510108')).status).toBe(200)
    expect((await o311('services.json?jurisdiction_id=')).status).toBe(200)
    const res = await o311('services.xml?jurisdiction_id=sfgov.org')
    expect(res.status).toBe(404)
    expect(xml.parse(await res.text()).errors.error[0].description).toMatch(/jurisdiction_id 'sfgov.org' not found/)
  })
})

describe('POST requests', () => {
  it('takes a form-encoded request with lat/long, stores it as a located hotline event and replies after the commit', async () => {
    const [lng, lat] = pointIn(2)
    const res = await postForm(noiseFields(lng, lat, { 'attribute[started_at]': '2026-11-22T22:10' }))
    expect(res.status).toBe(200)
    const reply = await res.json()
    expect(reply).toEqual([{ service_request_id: expect.any(String), service_notice: expect.stringMatching(/^已受理，转.+街道城运中心办理。将在2小时内与您联系/), account_id: 'acct-7' }])
    const e = stored(reply[0].service_request_id)
    const streetId = server.app.district.streets[2]!.properties.id
    expect(e).toMatchObject({
      source: 'hotline', category: 'noise', severity: 'minor', location: { lng, lat }, outside: false,
      path: { district: '510108', street: streetId },
      description: `楼下工地夜间施工，请回电${PHONE}`,
      attrs: {
        attributes: { noise_type: 'construction', period: 'night', started_at: '2026-11-22T22:10:00+08:00' },
        device_id: 'dev-42', account_id: 'acct-7',
        // Raw in the store, for the dispatcher's case view.
        caller: { first_name: '三', last_name: '张', phone: PHONE, email: 'zhangsan@example.com' },
      },
    })
    expect(e.path.microgrid).toMatch(/^\d{18}$/)
    expect(reply[0].service_notice).toContain(server.app.district.streets[2]!.properties.name)
  })

  it('takes the call’s own time from requested_datetime (a Gridwatch extension), else the arrival time', async () => {
    const [lng, lat] = pointIn(2)
    const res = await postForm(noiseFields(lng, lat, { requested_datetime: '2026-11-29T07:45:00+08:00' }))
    expect(res.status).toBe(200)
    const id = (await res.json())[0].service_request_id as string
    expect(stored(id).occurredAt).toBe('2026-11-28T23:45:00.000Z')
    const [read] = await getJson(`requests/${id}.json`)
    expect(read.requested_datetime).toBe('2026-11-29T07:45:00+08:00')
    const bad = await postForm(noiseFields(lng, lat, { requested_datetime: '2026-11-29 07:45' }))
    expect(bad.status).toBe(400)
  })

  it('takes JSON with only an address_string, placed at the named community', async () => {
    const community = server.app.district.communities[10]!.properties
    const street = server.app.district.streets.find((s) => s.properties.id === community.parentId)!.properties
    const res = await postJson({
      api_key: PRODUCER_KEY, service_code: 'heating', address_string: `成都市成华区${street.name}${community.name}幸福小区5栋`,
      attribute: { issue: 'not_warm', households: 24 }, phone: PHONE,
    })
    expect(res.status).toBe(200)
    const [{ service_request_id: id }] = await res.json()
    const e = stored(id)
    expect(e.path).toMatchObject({ street: street.id, community: community.id })
    expect(e.attrs).toMatchObject({ attributes: { issue: 'not_warm', households: 24 }, geocoded: { level: 'community', id: community.id } })
  })

  it('places an address that names only a street in that street', async () => {
    const street = server.app.district.streets[5]!.properties
    const res = await postForm({ api_key: PRODUCER_KEY, service_code: 'streetlight', address_string: `${street.name}某某路口` })
    expect(res.status).toBe(200)
    expect(stored((await res.json())[0].service_request_id).path.street).toBe(street.id)
  })

  it('takes multivaluelist answers as attribute[code][]', async () => {
    const [lng, lat] = pointIn(1)
    const res = await postForm({ api_key: PRODUCER_KEY, service_code: 'dog_keeping', lat, long: lng, 'attribute[issues][]': ['unleashed', 'fouling'] })
    expect(res.status).toBe(200)
    expect(stored((await res.json())[0].service_request_id).attrs.attributes).toEqual({ issues: ['unleashed', 'fouling'] })
  })

  it('makes a retry with the same Idempotency-Key safe, and refuses the key reused for other content', async () => {
    const [lng, lat] = pointIn(0)
    const fields = noiseFields(lng, lat)
    const first = await (await postForm(fields, 'json', { 'idempotency-key': 'retry-1' })).json()
    const before = server.app.store.lastSeq()
    const again = await postForm(fields, 'json', { 'idempotency-key': 'retry-1' })
    expect(again.status).toBe(200)
    expect((await again.json())[0].service_request_id).toBe(first[0].service_request_id)
    const other = await postForm({ ...fields, description: '另一件事' }, 'json', { 'idempotency-key': 'retry-1' })
    expect(other.status).toBe(400)
    expect((await other.json())[0].description).toMatch(/Idempotency-Key was already used/)
    // Without a key every POST is a new request.
    await postForm(fields)
    expect(server.app.store.lastSeq()).toBe(before + 1)
  })
})

describe('errors in the spec’s format, and nothing stored', () => {
  const [lng, lat] = [104.1, 30.67]
  const cases: Array<[string, () => Record<string, string | number>, number, RegExp]> = [
    ['missing api_key', () => { const { api_key: _k, ...f } = noiseFields(lng, lat); return f }, 403, /api_key is missing/],
    ['a bad api_key', () => noiseFields(lng, lat, { api_key: 'nope' }), 403, /Invalid api_key/],
    ['an unknown service_code', () => noiseFields(lng, lat, { service_code: 'ufo' }), 404, /service_code 'ufo' not found/],
    ['no service_code', () => { const { service_code: _c, ...f } = noiseFields(lng, lat); return f }, 400, /service_code was not provided/],
    ['no location', () => { const { lat: _a, long: _o, ...f } = noiseFields(lng, lat); return f }, 400, /a location is required/],
    ['lat without long', () => { const { long: _o, ...f } = noiseFields(lng, lat); return f }, 400, /lat and long must both be sent/],
    ['a lat that is not a number', () => noiseFields(lng, lat, { lat: 'north' }), 400, /lat must be number/],
    ['a lat out of range', () => noiseFields(lng, lat, { lat: 91 }), 400, /lat must be <= 90/],
    ['an address it cannot place', () => { const { lat: _a, long: _o, ...f } = noiseFields(lng, lat); return { ...f, address_string: '北京市朝阳区' } }, 400, /names no street \(街道\) or community \(社区\)/],
    ['an address_id only', () => { const { lat: _a, long: _o, ...f } = noiseFields(lng, lat); return { ...f, address_id: '545483' } }, 400, /address_id is not supported/],
    ['a missing required attribute', () => { const { 'attribute[period]': _p, ...f } = noiseFields(lng, lat); return f }, 400, /attribute\[period\] \(发生时段\) is required/],
    ['an unknown list value', () => noiseFields(lng, lat, { 'attribute[noise_type]': 'aliens' }), 400, /'aliens' is not one of/],
    ['another jurisdiction', () => noiseFields(lng, lat, { jurisdiction_id: 'sfgov.org' }), 404, /jurisdiction_id 'sfgov.org' not found/],
  ]

  for (const [what, fields, status, message] of cases) {
    it(`refuses ${what} with ${status}, in JSON and XML`, async () => {
      const before = server.app.store.lastSeq()
      const j = await postForm(fields(), 'json')
      expect(j.status).toBe(status)
      const body = await j.json()
      expect(body[0]).toEqual({ code: status, description: expect.stringMatching(message) })
      const x = await postForm(fields(), 'xml')
      expect(x.status).toBe(status)
      expect(x.headers.get('content-type')).toMatch(/^text\/xml/)
      expect(xml.parse(await x.text()).errors.error[0]).toEqual({ code: String(status), description: expect.stringMatching(message) })
      expect(server.app.store.lastSeq()).toBe(before)
    })
  }

  it('refuses malformed JSON and other content types with 400 in its format', async () => {
    const bad = await o311('requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"service_code": ' })
    expect(bad.status).toBe(400)
    expect((await bad.json())[0].code).toBe(400)
    const csv = await o311('requests.xml', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' })
    expect(csv.status).toBe(400)
    expect(xml.parse(await csv.text()).errors.error[0].description).toMatch(/Content-Type/)
  })

  it('answers an unknown request id, and any unknown path, with 404 in its format', async () => {
    const j = await o311('requests/no-such-id.json')
    expect(j.status).toBe(404)
    expect(await j.json()).toEqual([{ code: 404, description: "service_request_id 'no-such-id' not found" }])
    const x = await o311('requests/no-such-id.xml')
    expect(x.status).toBe(404)
    expect(xml.parse(await x.text()).errors.error[0].code).toBe('404')
    const other = await o311('tokens/123.xml')
    expect(other.status).toBe(404)
    expect(xml.parse(await other.text()).errors.error[0].code).toBe('404')
  })
})

describe('masking: raw in the store, masked everywhere it leaves', () => {
  it('masks the caller in the street socket frame, the snapshot, /api/v1/events and every Open311 read', async () => {
    const streetIndex = 4
    const streetId = server.app.district.streets[streetIndex]!.properties.id
    const socket = server.socket({ token: await server.login(`street-${streetId}`) })
    await waitFor<Snapshot, Snapshot>(socket, 'snapshot', (s) => s)
    const [lng, lat] = pointIn(streetIndex)
    // The device id marks this call in the frame: it arrives masked too.
    const frame = waitFor<StoredEvent, EventsFrame>(socket, 'events', (f) => f.events.find((e) => e.category === 'noise' && e.attrs.device_id === '*********0417'))
    const res = await postForm(noiseFields(lng, lat, { device_id: 'dev-mask-0417' }))
    const id = (await res.json())[0].service_request_id as string

    const live = await frame
    expect(live.id).toBe(id)
    expect(live.path.street).toBe(streetId)
    expect(live.attrs.caller).toEqual({ first_name: '*', last_name: '张', phone: MASKED, email: 'z***@example.com' })
    expect(live.description).toBe(`楼下工地夜间施工，请回电${MASKED}`)

    // Once the district room's frame has gone out (≤ 250 ms), a new socket gets the event in its snapshot.
    await new Promise((r) => setTimeout(r, 600))
    const wall = server.socket({ token: await server.login('wall') })
    const snapshot = await waitFor<Snapshot, Snapshot>(wall, 'snapshot', (s) => s)
    const reads = [
      JSON.stringify(live),
      JSON.stringify(snapshot.events.find((e) => e.id === id)),
      await (await api(`/api/v1/events/${id}`)).text(),
      await (await api('/api/v1/events?source=hotline&limit=5000')).text(),
      await (await o311(`requests/${id}.json`)).text(),
      await (await o311(`requests/${id}.xml`)).text(),
      await (await o311('requests.json')).text(),
      await (await o311('requests.xml')).text(),
    ]
    for (const text of reads) {
      expect(text).toContain(MASKED)
      expect(text).not.toContain(PHONE)
      expect(text).not.toContain('zhangsan@example.com')
      expect(text).not.toContain('dev-mask-0417')
    }
    expect(JSON.parse(reads[2]!).attrs.caller.phone).toBe(MASKED)
    // The store keeps the raw contact.
    expect((stored(id).attrs.caller as { phone: string }).phone).toBe(PHONE)
  })
})

describe('GET requests', () => {
  let ids: Record<string, string>
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString()

  beforeAll(async () => {
    const [lng, lat] = pointIn(3)
    const items = [
      hotlineItem('get-old', lng, lat, { category: 'water_supply', occurredAt: daysAgo(100) }),
      hotlineItem('get-mid', lng, lat, { category: 'water_supply', occurredAt: daysAgo(10) }),
      hotlineItem('get-new', lng, lat, { category: 'bus_service', occurredAt: daysAgo(0.01), description: `公交站牌损坏 ${PHONE}` }),
      { source: 'incident', sourceId: 'get-incident', category: 'fire_hazard', occurredAt: daysAgo(0), location: { lng, lat }, attrs: { workerId: 'W0010001' } },
    ]
    const res = await server.ingest(items)
    expect(res.status).toBe(201)
    const body = await res.json()
    ids = Object.fromEntries(body.events.map((e: { sourceId: string; id: string }) => [e.sourceId, e.id]))
  })

  const idsOf = (list: Array<{ service_request_id: string }>) => list.map((r) => r.service_request_id)

  it('defaults to the most recent 90 days, newest first, hotline only', async () => {
    const list = await getJson('requests.json')
    expect(idsOf(list)).toEqual(expect.arrayContaining([ids['get-new'], ids['get-mid']]))
    expect(idsOf(list)).not.toContain(ids['get-old'])
    expect(idsOf(list)).not.toContain(ids['get-incident'])
    const times = list.map((r: { requested_datetime: string }) => Date.parse(r.requested_datetime))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('returns each request with the spec’s fields: open, SLA-based expected time, street agency', async () => {
    const [r] = await getJson(`requests/${ids['get-new']}.json`)
    const street = server.app.district.streets[3]!.properties
    expect(Object.keys(r)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ])
    expect(r).toMatchObject({
      service_request_id: ids['get-new'], status: 'open', service_name: '公交服务', service_code: 'bus_service',
      description: `公交站牌损坏 ${MASKED}`, agency_responsible: `${street.name}城运中心`,
      address: expect.stringMatching(new RegExp(`^成华区${street.name}.+社区$`)),
    })
    expect(r.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    // bus_service resolves within 120 hours.
    expect(Date.parse(r.expected_datetime) - Date.parse(r.requested_datetime)).toBe(120 * 3600_000)
  })

  it('filters by service_code, one or several', async () => {
    const water = await getJson('requests.json?service_code=water_supply')
    expect(idsOf(water)).toContain(ids['get-mid'])
    expect(water.every((r: { service_code: string }) => r.service_code === 'water_supply')).toBe(true)
    const both = idsOf(await getJson('requests.json?service_code=water_supply,bus_service'))
    expect(both).toEqual(expect.arrayContaining([ids['get-mid'], ids['get-new']]))
    const bad = await o311('requests.json?service_code=ufo')
    expect(bad.status).toBe(400)
  })

  it('filters by start_date and end_date, at most 90 days apart', async () => {
    const start = encodeURIComponent(daysAgo(105))
    const end = encodeURIComponent(daysAgo(95))
    expect(idsOf(await getJson(`requests.json?start_date=${start}&end_date=${end}`))).toEqual([ids['get-old']])
    expect(idsOf(await getJson(`requests.json?end_date=${end}`))).toEqual([ids['get-old']])
    expect(idsOf(await getJson(`requests.json?start_date=${encodeURIComponent(daysAgo(11))}`))).toContain(ids['get-mid'])
    const tooLong = await o311(`requests.xml?start_date=${encodeURIComponent(daysAgo(200))}&end_date=${end}`)
    expect(tooLong.status).toBe(400)
    expect(xml.parse(await tooLong.text()).errors.error[0].description).toMatch(/90 days/)
    expect((await o311('requests.json?start_date=yesterday')).status).toBe(400)
  })

  it('filters by status: every request is open until a case engine closes one', async () => {
    expect(idsOf(await getJson('requests.json?status=open'))).toContain(ids['get-new'])
    expect(await getJson('requests.json?status=closed')).toEqual([])
    expect(idsOf(await getJson('requests.json?status=open,closed'))).toContain(ids['get-new'])
    expect((await o311('requests.json?status=pending')).status).toBe(400)
  })

  it('lets service_request_id override every other filter, the 90 days included', async () => {
    const list = await getJson(`requests.json?service_request_id=${ids['get-old']},${ids['get-new']},${ids['get-incident']}&status=closed&service_code=noise`)
    expect(idsOf(list).sort()).toEqual([ids['get-old'], ids['get-new']].sort())
  })

  it('answers in XML as <service_requests><request>…', async () => {
    const doc = xml.parse(await (await o311(`requests.xml?service_request_id=${ids['get-mid']}`)).text())
    expect(doc.service_requests.request).toHaveLength(1)
    expect(doc.service_requests.request[0]).toMatchObject({ service_request_id: ids['get-mid'], status: 'open', service_code: 'water_supply', status_notes: '' })
    const one = xml.parse(await (await o311(`requests/${ids['get-mid']}.xml`)).text())
    expect(one.service_requests.request[0].service_request_id).toBe(ids['get-mid'])
  })

  it('returns at most 1,000 requests by default', async () => {
    const [lng, lat] = pointIn(6)
    const batch = Array.from({ length: 1001 }, (_, i) => hotlineItem(`bulk-${i}`, lng, lat, { category: 'shared_bikes' }))
    expect((await server.ingest(batch)).status).toBe(201)
    const list = await getJson('requests.json')
    expect(list).toHaveLength(1000)
  })
})

describe('an unchanged Open311 client', () => {
  it('discovers, defines, posts form-encoded and reads back, all in XML', async () => {
    // 1. GET services.xml; pick the first service that has metadata.
    const services = xml.parse(await (await o311('services.xml')).text()).services.service as Array<Record<string, string>>
    const chosen = services.find((s) => s.metadata === 'true')!
    // 2. GET services/{code}.xml; answer every required variable attribute.
    const def = xml.parse(await (await o311(`services/${chosen.service_code}.xml`)).text()).service_definition
    const fields: Record<string, string> = { api_key: PRODUCER_KEY, service_code: chosen.service_code!, description: '门口小广告贴满了' }
    for (const a of def.attributes.attribute as Array<Record<string, unknown>>) {
      if (a.variable !== 'true' || a.required !== 'true') continue
      const first = (a.values as { value: Array<{ key: string }> } | undefined)?.value[0]?.key
      fields[`attribute[${a.code as string}]`] = first ?? (a.datatype === 'number' ? '1' : a.datatype === 'datetime' ? new Date().toISOString() : '见描述')
    }
    const [lng, lat] = pointIn(7)
    Object.assign(fields, { lat: String(lat), long: String(lng), first_name: '四', last_name: '李', phone: '13900001111' })
    // 3. POST requests.xml, form-encoded as the spec's example request.
    const post = await o311('requests.xml', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: new URLSearchParams(fields).toString() })
    expect(post.status).toBe(200)
    const created = xml.parse(await post.text()).service_requests.request[0]
    expect(created).toEqual({ service_request_id: expect.any(String), service_notice: expect.stringContaining('已受理'), account_id: '' })
    // 4. GET requests/{id}.xml.
    const read = xml.parse(await (await o311(`requests/${created.service_request_id}.xml`)).text()).service_requests.request[0]
    expect(read).toMatchObject({ service_request_id: created.service_request_id, status: 'open', service_code: chosen.service_code, lat: String(lat), long: String(lng) })
  })
})
