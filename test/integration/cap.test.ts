import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pointOnFeature } from '@turf/turf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRODUCER_KEY, startTestServer, type TestServer } from '../helpers/build-app.ts'

const CAP_DIR = join(import.meta.dirname, '../../../shared/data/cap')
const NS = 'urn:oasis:names:tc:emergency:cap:1.2'

let server: TestServer
let token: string
let centre: [number, number]

beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('district')
  centre = pointOnFeature(server.app.district.district).geometry.coordinates as [number, number]
})
afterAll(() => server.close())

const postCap = (body: BodyInit, contentType: string | null = 'application/cap+xml', key = PRODUCER_KEY) =>
  fetch(`${server.url}/api/v1/cap`, {
    method: 'POST',
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(key ? { 'x-api-key': key } : {}) },
    body,
  })

const getWarnings = async () => {
  const res = await fetch(`${server.url}/api/v1/warnings`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return res.json()
}
const listedIds = async () => ((await getWarnings()).warnings as Array<{ identifier: string }>).map((w) => w.identifier)

/** CAP date-time: seconds and a numeric offset (here Beijing time), never `Z`. */
function capTime(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)
  return `${local}+08:00`
}

let n = 0
/** A Chengdu-style rainstorm warning over a small square inside the district. */
function capXml(opts: { id?: string; msgType?: string; status?: string; references?: string; expires?: Date | null; severity?: string; sent?: Date; omit?: string[] } = {}) {
  const id = opts.id ?? `CDMB-${++n}`
  const [lng, lat] = centre
  const d = 0.005
  const ring = [[lat - d, lng - d], [lat - d, lng + d], [lat + d, lng + d], [lat + d, lng - d], [lat - d, lng - d]].map(([a, b]) => `${a!.toFixed(5)},${b!.toFixed(5)}`).join(' ')
  const fields: Array<[string, string | undefined]> = [
    ['identifier', id], ['sender', 'cdmb@cma.gov.cn'], ['sent', capTime(opts.sent ?? new Date())], ['status', opts.status ?? 'Actual'],
    ['msgType', opts.msgType ?? 'Alert'], ['scope', 'Public'], ['references', opts.references],
  ]
  const expires = opts.expires === undefined ? new Date(Date.now() + 3600_000) : opts.expires
  const info = [
    ['language', 'zh-CN'], ['category', 'Met'], ['event', '暴雨预警'], ['urgency', 'Expected'], ['severity', opts.severity ?? 'Severe'],
    ['certainty', 'Likely'], ['expires', expires ? capTime(expires) : undefined], ['senderName', '成都市气象台'], ['headline', '成华区暴雨橙色预警'],
  ] as Array<[string, string | undefined]>
  const el = (list: Array<[string, string | undefined]>) =>
    list.filter(([k, v]) => v !== undefined && !opts.omit?.includes(k)).map(([k, v]) => `<${k}>${v}</${k}>`).join('')
  const infoXml = opts.omit?.includes('info') ? '' :
    `<info>${el(info)}<area>${opts.omit?.includes('areaDesc') ? '' : '<areaDesc>成华区</areaDesc>'}<polygon>${ring}</polygon><circle>${lat},${lng} 1.5</circle></area></info>`
  return { id, xml: `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="${NS}">${el(fields)}${infoXml}</alert>` }
}

const ref = (id: string, sent: string) => `cdmb@cma.gov.cn,${id},${sent}`
const sentOf = (xml: string) => /<sent>([^<]+)<\/sent>/.exec(xml)![1]!

/** Posts a body that must be refused, and checks the store did not move. */
async function refused(body: BodyInit, status: number, contentType: string | null = 'application/cap+xml') {
  const before = server.app.store.lastSeq()
  const res = await postCap(body, contentType)
  const reply = await res.json()
  expect(res.status, JSON.stringify(reply)).toBe(status)
  expect(reply).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) })
  expect(server.app.store.lastSeq()).toBe(before)
  return reply
}

describe('POST /api/v1/cap with the real CAP files in shared/data/cap', () => {
  const files = readdirSync(CAP_DIR).filter((f) => f.endsWith('.xml')).sort()
  const read = (f: string) => readFileSync(join(CAP_DIR, f), 'utf8')

  it('has every file covered below', () => {
    expect(files).toEqual([
      'google-PAAQ-4-mg5a94.xml', 'nws-5c2cf27b1f56885d61654dc47fa411d5.xml',
      'v1dot2_appendix_adot1.xml', 'v1dot2_appendix_adot2.xml', 'v1dot2_appendix_adot3.xml', 'v1dot2_appendix_adot4.xml',
    ])
  })

  it('refuses the NWS index entry: it is CAP 1.1, not 1.2 (and its polygon is empty)', async () => {
    const reply = await refused(read('nws-5c2cf27b1f56885d61654dc47fa411d5.xml'), 400)
    expect(reply.message).toBe('not a CAP 1.2 message')
    expect(reply.details).toEqual([{ path: '/alert', message: expect.stringContaining('urn:oasis:names:tc:emergency:cap:1.1') }])
  })

  it('accepts the Google tsunami Update (xmldsig Signature, Unknown severity, zero-radius circle); expired, so not live', async () => {
    const res = await postCap(read('google-PAAQ-4-mg5a94.xml'))
    const body = await res.json()
    expect(res.status).toBe(201)
    expect(body).toMatchObject({
      accepted: 1, events: [{ sourceId: 'wcatwc@noaa.gov|PAAQ-4-mg5a94|2013-01-05T10:58:23-00:00', duplicate: false }],
      warnings: { active: null, note: expect.stringContaining('expired') },
    })
    const event = await (await fetch(`${server.url}/api/v1/events/${body.events[0].id}`, { headers: { authorization: `Bearer ${token}` } })).json()
    expect(event).toMatchObject({
      source: 'cap', category: 'geo', severity: 'minor', location: { lng: -134.9, lat: 55.3 }, outside: true,
      occurredAt: '2013-01-05T10:58:23.000Z', title: expect.stringContaining('tsunami Warning is canceled'),
      attrs: {
        identifier: 'PAAQ-4-mg5a94', sender: 'wcatwc@noaa.gov', msgType: 'Update', status: 'Actual', scope: 'Public', urgency: 'Past',
        certainty: 'Unlikely', capSeverity: 'Unknown', expires: '2013-01-05T10:58:23-00:00', language: 'en-US', locatedBy: 'area',
        references: [{ identifier: 'PAAQ-1-mg5a94' }, { identifier: 'PAAQ-2-mg5a94' }, { identifier: 'PAAQ-3-mg5a94' }],
        areas: [{ areaDesc: '95 miles NW of Dixon Entrance, Alaska', polygons: [], circles: [{ center: [-134.9, 55.3], radiusKm: 0 }] }],
      },
    })
    expect(await listedIds()).not.toContain('PAAQ-4-mg5a94')
  })

  it('accepts appendix A.1 (no area shape, no expiry): placed in the district, live, drawn nowhere', async () => {
    const res = await postCap(read('v1dot2_appendix_adot1.xml'), 'text/xml')
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.warnings).toEqual({ active: 'hsas@dhs.gov,43b080713727', removed: [] })
    const { warnings, areas } = await getWarnings()
    const w = warnings.find((x: { identifier: string }) => x.identifier === '43b080713727')
    expect(w).toMatchObject({ id: body.events[0].id, category: 'security', severity: 'severe', event: 'Homeland Security Advisory System Update', expires: null })
    expect(server.app.locator.locate(w.location.lng, w.location.lat).outside).toBe(false)
    expect(areas.features.filter((f: { properties: { identifier: string } }) => f.properties.identifier === '43b080713727')).toEqual([])
  })

  it('accepts appendix A.2 (polygon, lat first) but it expired in 2003, so it is not live', async () => {
    const res = await postCap(read('v1dot2_appendix_adot2.xml'), 'application/xml')
    const body = await res.json()
    expect(res.status).toBe(201)
    expect(body.warnings).toMatchObject({ active: null, note: 'expired at 2003-06-17T16:00:00-07:00' })
    const event = server.app.store.get(body.events[0].id)!
    expect(event).toMatchObject({ category: 'met', severity: 'severe', outside: true })
    // The polygon's centre, in [lng, lat]: west of Greenwich, north of the equator.
    expect(event.location.lng).toBeCloseTo(-119.93, 1)
    expect(event.location.lat).toBeCloseTo(38.49, 1)
    expect(event.attrs.areas).toEqual([expect.objectContaining({ polygons: [[[-120.14, 38.47], [-119.95, 38.34], [-119.74, 38.52], [-119.89, 38.62], [-120.14, 38.47]]] })])
  })

  it('accepts appendix A.3 (an Update of an earthquake report) and A.4 (two languages)', async () => {
    const a3 = await postCap(read('v1dot2_appendix_adot3.xml'))
    expect(a3.status).toBe(201)
    expect((await a3.json()).warnings).toEqual({ active: 'trinet@caltech.edu,TRI13970876.2', removed: [] })
    const a4 = await postCap(read('v1dot2_appendix_adot4.xml'))
    expect(a4.status).toBe(201)
    const event = server.app.store.get((await a4.json()).events[0].id)!
    expect(event).toMatchObject({ category: 'rescue', severity: 'severe', title: 'Amber Alert in Los Angeles County', attrs: { language: 'en-US', languages: ['en-US', 'es-US'], locatedBy: 'district' } })
    const w = (await getWarnings()).warnings.find((x: { identifier: string }) => x.identifier === 'TRI13970876.2')
    expect(w).toMatchObject({ severity: 'minor', capSeverity: 'Minor', msgType: 'Update', location: { lng: -115.5527, lat: 32.9525 } })
  })

  it('acknowledges a re-sent file with the original id and stores nothing', async () => {
    const before = server.app.store.lastSeq()
    const res = await postCap(read('v1dot2_appendix_adot1.xml'))
    expect(await res.json()).toMatchObject({ accepted: 0, events: [{ duplicate: true }], warnings: { active: null, note: expect.stringContaining('already received') } })
    expect(server.app.store.lastSeq()).toBe(before)
  })
})

describe('POST /api/v1/cap refusals change nothing', () => {
  it('needs a producer key', async () => {
    const before = server.app.store.lastSeq()
    expect((await postCap(capXml().xml, 'application/cap+xml', '')).status).toBe(401)
    expect(server.app.store.lastSeq()).toBe(before)
  })

  it('refuses malformed XML with the parser’s reason', async () => {
    const reply = await refused(`<alert xmlns="${NS}"><identifier>x</sender></alert>`, 400)
    expect(reply.message).toMatch(/^malformed XML: Expected closing tag 'identifier'.*line 1/)
    await refused('not xml at all', 400)
  })

  it('names each missing required field', async () => {
    const { xml } = capXml({ omit: ['sender', 'status', 'event', 'urgency', 'areaDesc'] })
    const reply = await refused(xml, 400)
    expect(reply.details.map((d: { path: string }) => d.path).sort()).toEqual([
      '/alert/info/0/area/0/areaDesc', '/alert/info/0/event', '/alert/info/0/urgency', '/alert/sender', '/alert/status',
    ])
    expect(reply.details).toContainEqual({ path: '/alert/sender', message: 'sender is required' })
  })

  it('refuses values outside CAP’s enumerations', async () => {
    const reply = await refused(capXml({ msgType: 'Warning', severity: 'Catastrophic' }).xml, 400)
    expect(reply.details).toEqual(expect.arrayContaining([
      { path: '/alert/msgType', message: expect.stringContaining('"Warning" is not one of: Alert, Update, Cancel, Ack, Error') },
      { path: '/alert/info/0/severity', message: expect.stringContaining('Catastrophic') },
    ]))
  })

  it('refuses entity expansion (billion laughs) and external entities (XXE)', async () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('')
    const laughs = `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY lol0 "lol">${lol}]><alert xmlns="${NS}"><identifier>&lol9;</identifier></alert>`
    const xxe = `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert xmlns="${NS}"><identifier>&xxe;</identifier></alert>`
    for (const xml of [laughs, xxe]) expect((await refused(xml, 400)).message).toBe('entity declarations are not accepted')
  })

  it('refuses other content types with 415', async () => {
    await refused(JSON.stringify({ alert: {} }), 415, 'application/json')
    await refused(capXml().xml, 415, 'text/plain')
    const reply = await refused(capXml().xml, 415, null)
    expect(reply.message).toBe('content type must be one of: application/cap+xml, application/xml, text/xml')
  })

  it('refuses a body that is not valid in its declared encoding', async () => {
    const reply = await refused(new Uint8Array([0x3c, 0x61, 0xff, 0x3e]), 400)
    expect(reply.message).toBe('the body is not valid utf-8')
  })

  it('refuses a body over 1 MiB with 413', async () => {
    const { xml } = capXml()
    const big = xml.replace('<headline>', `<headline>${'暴'.repeat(400_000)}`)
    await refused(big, 413)
  })

  it('keeps POST /api/v1/events closed to source cap', async () => {
    const before = server.app.store.lastSeq()
    const res = await server.ingest({ source: 'cap', sourceId: 'x', category: 'met', occurredAt: new Date().toISOString(), location: { lng: centre[0], lat: centre[1] }, attrs: {} })
    expect(res.status).toBe(400)
    expect((await res.json()).details).toEqual([expect.objectContaining({ path: '/source' })])
    expect(server.app.store.lastSeq()).toBe(before)
  })
})

describe('live warnings', () => {
  it('follows Alert → Update → Cancel through references, with areas for the wall', async () => {
    const alert = capXml({ severity: 'Moderate' })
    const a = await postCap(alert.xml, 'application/cap+xml; charset=utf-8')
    expect(a.status).toBe(201)
    let state = await getWarnings()
    const first = state.warnings.find((w: { identifier: string }) => w.identifier === alert.id)
    expect(first).toMatchObject({ sender: 'cdmb@cma.gov.cn', msgType: 'Alert', severity: 'moderate', category: 'met', headline: '成华区暴雨橙色预警', language: 'zh-CN' })
    const mine = (fc: { features: Array<{ id: string; geometry: { type: string }; properties: Record<string, unknown> }> }, id: string) =>
      fc.features.filter((f) => f.properties.identifier === id)
    expect(mine(state.areas, alert.id)).toHaveLength(2) // the polygon and the circle
    expect(mine(state.areas, alert.id)[0]).toMatchObject({
      type: 'Feature', geometry: { type: 'Polygon' },
      properties: { id: first.id, identifier: alert.id, event: '暴雨预警', headline: '成华区暴雨橙色预警', severity: 'moderate', msgType: 'Alert', expires: first.expires, sender: 'cdmb@cma.gov.cn' },
    })
    // The event sits in the district, located to its micro-grid.
    expect(server.app.store.get(first.id)).toMatchObject({ source: 'cap', outside: false, path: { district: expect.any(String), microgrid: expect.any(String) } })

    const update = capXml({ msgType: 'Update', severity: 'Extreme', references: ref(alert.id, sentOf(alert.xml)) })
    const u = await (await postCap(update.xml)).json()
    expect(u.warnings).toEqual({ active: `cdmb@cma.gov.cn,${update.id}`, removed: [`cdmb@cma.gov.cn,${alert.id}`] })
    state = await getWarnings()
    expect(state.warnings.map((w: { identifier: string }) => w.identifier)).toContain(update.id)
    expect(state.warnings.map((w: { identifier: string }) => w.identifier)).not.toContain(alert.id)
    expect(state.warnings[0]).toMatchObject({ identifier: update.id, severity: 'extreme' }) // most severe first
    expect(mine(state.areas, alert.id)).toEqual([])
    expect(mine(state.areas, update.id).every((f) => f.properties.severity === 'extreme')).toBe(true)

    const cancel = capXml({ msgType: 'Cancel', references: ref(update.id, sentOf(update.xml)), omit: ['info'] })
    const c = await (await postCap(cancel.xml)).json()
    expect(c.warnings).toEqual({ active: null, removed: [`cdmb@cma.gov.cn,${update.id}`] })
    const ids = await listedIds()
    expect(ids).not.toContain(update.id)
    expect(ids).not.toContain(cancel.id)

    // A late copy of the original Alert is stored as an event but stays replaced.
    const late = alert.xml.replace(sentOf(alert.xml), capTime(new Date(Date.now() - 60_000)))
    const l = await (await postCap(late)).json()
    expect(l).toMatchObject({ accepted: 1, warnings: { active: null, note: expect.stringContaining('already replaced') } })
    expect(await listedIds()).not.toContain(alert.id)
  })

  it('does not list an expired warning, nor one that expires while listed', async () => {
    const past = capXml({ expires: new Date(Date.now() - 60_000), sent: new Date(Date.now() - 3600_000) })
    expect((await postCap(past.xml)).status).toBe(201)
    const soon = capXml({ expires: new Date(Date.now() + 2000) })
    expect((await postCap(soon.xml)).status).toBe(201)
    let ids = await listedIds()
    expect(ids).not.toContain(past.id)
    expect(ids).toContain(soon.id)
    await new Promise((r) => setTimeout(r, 2600))
    ids = await listedIds()
    expect(ids).not.toContain(soon.id)
  })

  it('reads a GB2312 message by its XML declaration', async () => {
    const { id, xml } = capXml()
    const gbk = xml.replace('encoding="UTF-8"', 'encoding="GB2312"')
    // 成华区暴雨橙色预警 → GB2312 bytes, the rest is ASCII.
    const headline = [0xb3, 0xc9, 0xbb, 0xaa, 0xc7, 0xf8, 0xb1, 0xa9, 0xd3, 0xea, 0xb3, 0xc8, 0xc9, 0xab, 0xd4, 0xa4, 0xbe, 0xaf]
    const [before, after] = gbk.replace(/<(senderName|areaDesc)>[^<]*<\/\1>/g, '<$1>x</$1>').replace('暴雨预警', 'rain').split('成华区暴雨橙色预警') as [string, string]
    const bytes = new Uint8Array([...new TextEncoder().encode(before), ...headline, ...new TextEncoder().encode(after)])
    const res = await postCap(bytes)
    expect(res.status).toBe(201)
    const w = (await getWarnings()).warnings.find((x: { identifier: string }) => x.identifier === id)
    expect(w.headline).toBe('成华区暴雨橙色预警')
  })

  it('stores Exercise and Test messages as events but never as live warnings', async () => {
    for (const status of ['Exercise', 'Test']) {
      const m = capXml({ status })
      const body = await (await postCap(m.xml)).json()
      expect(body).toMatchObject({ accepted: 1, warnings: { active: null, note: `status ${status}: stored as an event, not a live warning` } })
      expect(server.app.store.get(body.events[0].id)).toMatchObject({ source: 'cap', attrs: { status } })
      expect(await listedIds()).not.toContain(m.id)
    }
  })

  it('needs a user token', async () => {
    expect((await fetch(`${server.url}/api/v1/warnings`)).status).toBe(401)
  })

  it('documents both routes in the OpenAPI description, with the XML content types', async () => {
    const doc = await (await fetch(`${server.url}/docs/json`)).json()
    expect(Object.keys(doc.paths['/api/v1/cap'].post.requestBody.content)).toEqual(['application/cap+xml', 'application/xml', 'text/xml'])
    expect(doc.paths['/api/v1/warnings'].get.responses['200']).toBeDefined()
  })
})
