/**
 * The wall's per-source presentation, the source filter and the event detail drawer, in Chromium
 * against the real app: events of every source go in the way producers send them, and the test
 * reads what a dispatcher would see. Saves `test-results/feed-filter.png` and
 * `test-results/drawer-<source>.png`.
 *
 * Sensor and detection items sent through `/api/v1/events` name made-up ids first: the server refuses
 * them, naming the registry, and the item is sent again with a registered id.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts'
import { PRODUCER_KEY, startTestServer, type TestServer } from '../helpers/build-app.ts'
import { launchChromium } from './chromium.ts'
import { signIn } from './sign-in.ts'

const ARTIFACTS = 'test-results'
const CALLER_PHONE = '13812345678'
let server: TestServer
let browser: Browser
let page: Page
let token: string
const rng = createRandom('drawer-test')

interface MapHandle {
  project(p: [number, number]): { x: number; y: number }
  isMoving(): boolean
  queryRenderedFeatures(opts: { layers: string[] }): { properties: Record<string, unknown> }[]
  getCanvas(): HTMLCanvasElement
  getSource(id: string): { getData(): Promise<{ features: { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[] }> }
}

beforeAll(async () => {
  await buildWebIfStale(() => {})
  server = await startTestServer()
  token = await server.login('district')
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  await page.route('**/media/test/**', (route) => {
    const body = MEDIA[new URL(route.request().url()).pathname]
    return body ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body }) : route.fulfill({ status: 404 })
  })
  mkdirSync(ARTIFACTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

// ---- producers -------------------------------------------------------------------------------

function pointIn(streetIndex: number): { lng: number; lat: number } {
  const [lng, lat] = randomPointInPolygon(rng, server.app.district.streets[streetIndex]!)
  return { lng, lat }
}

const json = (body: unknown) => ({ 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY, body: JSON.stringify(body) })

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const { body: text, ...h } = json(body)
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { ...h, ...headers }, body: text })
}

async function get(path: string, auth: 'producer' | 'user'): Promise<Response> {
  const headers: Record<string, string> = auth === 'producer' ? { 'x-api-key': PRODUCER_KEY } : { authorization: `Bearer ${token}` }
  return fetch(`${server.url}${path}`, { headers })
}

/** Ingests items through `POST /api/v1/events` and returns their event ids. */
async function ingest(items: unknown[]): Promise<Response> {
  return post('/api/v1/events', items)
}

/** The first id in a registry list (bare array or `{ <key>: [...] }`), optionally of a kind. */
async function registryId(path: string, key: string, pick: (entry: Record<string, unknown>) => boolean): Promise<string | null> {
  const res = await get(path, 'user')
  if (!res.ok) return null
  const body = (await res.json()) as unknown
  const list = (Array.isArray(body) ? body : (body as Record<string, unknown>)[key]) as Record<string, unknown>[] | undefined
  const found = list?.find((e) => typeof e.id === 'string' && pick(e))
  return (found?.id as string | undefined) ?? null
}

/**
 * Ingests one item through `/api/v1/events`: the registry must refuse its made-up id ("unknown
 * sensor/camera"), and the same item with a registered id is stored. Returns the stored event's id.
 */
async function ingestWithRegistry(
  item: Record<string, unknown>,
  registry: { path: string; key: string; attr: string; pick: (e: Record<string, unknown>) => boolean },
): Promise<string> {
  const refused = await ingest([item])
  expect(refused.status, 'a made-up id is refused').toBe(400)
  expect(JSON.stringify(await refused.json())).toMatch(/unknown|registry|not registered/i)
  const id = await registryId(registry.path, registry.key, registry.pick)
  expect(id, `a ${registry.key} registry id`).toBeTruthy()
  const attrs = { ...(item.attrs as Record<string, unknown>), [registry.attr]: id }
  const res = await ingest([{ ...item, attrs }])
  expect(res.status).toBe(201)
  return ((await res.json()) as { events: { id: string }[] }).events[0]!.id
}

const now = () => new Date().toISOString()

/** A generated park snapshot with a dog where the detection's box says. */
function snapshotSvg(): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb4cf"/><stop offset="1" stop-color="#cfdde6"/></linearGradient></defs>
<rect width="640" height="180" fill="url(#s)"/><rect y="170" width="640" height="190" fill="#6f8f4e"/>
<path d="M0 250 L640 215 L640 250 L0 300Z" fill="#b8ab94"/>
<circle cx="90" cy="120" r="55" fill="#3d6b35"/><rect x="84" y="150" width="12" height="50" fill="#5a4330"/>
<circle cx="520" cy="110" r="60" fill="#416f38"/><rect x="514" y="150" width="12" height="55" fill="#5a4330"/>
<g fill="#7a5230"><ellipse cx="410" cy="240" rx="42" ry="20"/><circle cx="452" cy="222" r="14"/><rect x="378" y="252" width="7" height="26"/><rect x="430" y="252" width="7" height="26"/><path d="M368 236 l-18 -12 4 -4 18 10z"/></g>
<rect x="8" y="8" width="230" height="22" fill="rgba(0,0,0,.5)"/><text x="14" y="24" font-size="14" fill="#fff" font-family="monospace">CAM 2026-11-25 09:12:44</text>
</svg>`
  return svg
}

function photoSvg(fill: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="${fill}"/><rect x="40" y="70" width="120" height="150" fill="#444"/><rect x="190" y="120" width="90" height="60" fill="#b33"/></svg>`
}

/**
 * Media (snapshots, photos) live on the producers' media store, not in Gridwatch; the browser is
 * served these from a same-origin path, the only kind the server lets a producer name besides http(s).
 */
const MEDIA: Record<string, string> = {
  '/media/test/drawer-dog.svg': snapshotSvg(),
  '/media/test/photo-1.svg': photoSvg('#7d8c99'),
  '/media/test/photo-2.svg': photoSvg('#99907d'),
}

/** A CAP 1.2 rainstorm warning over a small square inside street 2. */
function capXml(identifier: string): string {
  const c = pointIn(2)
  const d = 0.01
  const ring = [[c.lat - d, c.lng - d], [c.lat - d, c.lng + d], [c.lat + d, c.lng + d], [c.lat + d, c.lng - d], [c.lat - d, c.lng - d]]
  const polygon = ring.map(([lat, lng]) => `${lat!.toFixed(5)},${lng!.toFixed(5)}`).join(' ')
  const t = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, '+00:00')
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifier}</identifier>
  <sender>chengdu-weather@cma.gov.cn</sender>
  <sent>${t(0)}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨</event>
    <urgency>Expected</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    <effective>${t(0)}</effective>
    <expires>${t(6 * 3600_000)}</expires>
    <senderName>成都市气象台</senderName>
    <headline>成都市气象台发布暴雨橙色预警</headline>
    <description>预计未来6小时成华区北部将出现50毫米以上降水。</description>
    <instruction>停止户外作业，远离低洼地带和地下空间。</instruction>
    <area>
      <areaDesc>成华区北部</areaDesc>
      <polygon>${polygon}</polygon>
    </area>
  </info>
</alert>`
}

// ---- the wall ------------------------------------------------------------------------------

const feedRow = (eventId: string) => page.locator(`[data-testid="feed-item"][data-event-id="${eventId}"]`)
const drawer = () => page.getByTestId('event-drawer')
const field = (scope: Locator, key: string) => scope.locator(`[data-field="${key}"] dd`)

async function openFromFeed(eventId: string): Promise<Locator> {
  await feedRow(eventId).click()
  const d = page.locator(`[data-testid="event-drawer"][data-event-id="${eventId}"]`)
  await d.waitFor({ timeout: 10_000 })
  await expect.poll(() => d.getAttribute('data-status'), { timeout: 5000 }).toBe('ready')
  return d
}

/** A screenshot once the drawer's slide-in has finished. */
async function shot(name: string): Promise<void> {
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` })
}

async function closeWithEsc(): Promise<void> {
  await page.keyboard.press('Escape')
  await drawer().waitFor({ state: 'detached', timeout: 3000 })
}

/** Waits until every tier of the location is shown by name (lower tiers are fetched on demand). */
async function tiersNamed(d: Locator): Promise<string[]> {
  const tiers = d.getByTestId('drawer-tier')
  await expect
    .poll(async () => {
      const n = await tiers.count()
      for (let i = 0; i < n; i++) {
        const t = tiers.nth(i)
        if ((await t.innerText()).trim() === (await t.getAttribute('data-id'))) return false
      }
      return n > 0
    }, { timeout: 20_000 })
    .toBe(true)
  return tiers.allInnerTexts()
}

const ids: Record<string, string> = {}

describe('the wall per source, its filter and the detail drawer', () => {
  it('signs in as the district dispatcher and receives one event of every source', async () => {
    await page.goto(`${server.url}/wall`)
    await page.waitForURL(/\/login/)
    await signIn(page, 'district')
    await page.waitForURL(/\/wall/)
    await expect.poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')
    await page.locator('[data-testid="wall-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })


    // A grid worker's report, with markup in its title and two photos.
    const incident = await ingest([{
      source: 'incident', sourceId: 'drawer-incident', category: 'fire_hazard', severity: 'moderate', occurredAt: now(),
      location: pointIn(0), title: '楼道堆放杂物<img src=x onerror="window.__pwned=1">', description: '3单元2楼楼道堆放纸箱和电动车电池，堵塞疏散通道。',
      attrs: { workerId: 'W-0012', photos: ['/media/test/photo-1.svg', '/media/test/photo-2.svg'] },
    }])
    expect(incident.status).toBe(201)
    ids.incident = ((await incident.json()) as { events: { id: string }[] }).events[0]!.id

    // A smoke alarm and a gas sensor's fault: one must read as a fire, the other must not.
    const sensorRegistry = { path: '/api/v1/sensors', key: 'sensors', attr: 'sensorId' }
    const smoke = { ...sensorRegistry, pick: (e: Record<string, unknown>) => e.type === 'smoke' || e.category === 'smoke' }
    const gas = { ...sensorRegistry, pick: (e: Record<string, unknown>) => e.type === 'gas' || e.category === 'gas' }
    // The sensors' own door raises the alarm the 确认 / 消警 buttons act on.
    const sensorId = await registryId('/api/v1/sensors', 'sensors', smoke.pick)
    const res = await post('/api/v1/sensors/events', [{ sensorId, state: 'alarm', at: now(), messageId: 'drawer-alarm-1', value: 0.31 }])
    expect(res.status).toBe(201)
    const alarmRow = page.locator('[data-testid="feed-item"][data-source="sensor"]').first()
    await alarmRow.waitFor({ timeout: 10_000 })
    ids.sensorAlarm = (await alarmRow.getAttribute('data-event-id'))!
    ids.sensorFault = await ingestWithRegistry({
      source: 'sensor', sourceId: 'drawer-gas-fault', category: 'gas', severity: 'minor', occurredAt: now(), location: pointIn(4),
      title: '燃气探测器故障', attrs: { sensorId: 'GS-TEST-0001', state: 'fault', placement: '厨房', faultCode: 'E07' },
    }, gas)

    // A confident detection with a snapshot and clip, and one below the threshold.
    const camera = { path: '/api/v1/cameras', key: 'cameras', attr: 'cameraId', pick: () => true }
    ids.detection = await ingestWithRegistry({
      source: 'detection', sourceId: 'drawer-dog', category: 'dog_unleashed', severity: 'minor', occurredAt: now(), location: pointIn(5),
      title: '公园内犬只未牵绳', attrs: { cameraId: 'CAM-TEST-0001', confidence: 0.92, bbox: [0.56, 0.55, 0.2, 0.25], snapshotUrl: '/media/test/drawer-dog.svg', clipUrl: '/media/clips/drawer-dog.mp4', alerting: true },
    }, camera)
    ids.quietDetection = await ingestWithRegistry({
      source: 'detection', sourceId: 'drawer-dog-quiet', category: 'stray_dog', occurredAt: now(), location: pointIn(5),
      attrs: { cameraId: 'CAM-TEST-0001', confidence: 0.21, bbox: [0.1, 0.1, 0.1, 0.1], alerting: false },
    }, camera)

    // A 12345 call as an Open311 client files it, with the caller's name and phone.
    const [lng, lat] = randomPointInPolygon(rng, server.app.district.streets[6]!)
    const form = new URLSearchParams({
      api_key: PRODUCER_KEY, service_code: 'noise', lat: String(lat), long: String(lng), address_string: '望平街168号附近工地',
      description: `夜间施工噪声扰民，来电人${CALLER_PHONE}请求尽快处理。`, first_name: '三', last_name: '张', phone: CALLER_PHONE,
      'attribute[noise_type]': 'construction', 'attribute[period]': 'night',
    })
    const hotline = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', body: form })
    expect(hotline.status).toBe(200)
    ids.hotline = ((await hotline.json()) as { service_request_id: string }[])[0]!.service_request_id

    // A CAP warning, where the server takes CAP.
    const cap = await fetch(`${server.url}/api/v1/cap`, {
      method: 'POST', headers: { 'content-type': 'application/cap+xml', 'x-api-key': PRODUCER_KEY }, body: capXml('drawer-cap-1'),
    })
    expect(cap.status).toBe(201)
    const capRow = page.locator('[data-testid="feed-item"][data-source="cap"]').first()
    await capRow.waitFor({ timeout: 10_000 })
    ids.cap = (await capRow.getAttribute('data-event-id'))!

    for (const key of ['incident', 'sensorAlarm', 'sensorFault', 'detection', 'hotline']) await feedRow(ids[key]!).waitFor({ timeout: 10_000 })
    // The quiet detection is stored and streamed, but it is not an alert.
    expect(await feedRow(ids.quietDetection!).count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  })

  it('draws each source with its own icon and colour, and a sensor fault unlike a fire', async () => {
    const colourOf = (id: string) => feedRow(id).locator('.source').evaluate((el) => getComputedStyle(el).color)
    const colours = await Promise.all(['incident', 'sensorAlarm', 'detection', 'hotline'].map((k) => colourOf(ids[k]!)))
    expect(new Set(colours).size).toBe(4)
    expect(await colourOf(ids.sensorFault!)).not.toBe(await colourOf(ids.sensorAlarm!))
    expect(await feedRow(ids.sensorFault!).locator('.state').getAttribute('data-state')).toBe('fault')
    const iconOf = (id: string) => feedRow(id).locator('.source svg').innerHTML()
    expect(await iconOf(ids.sensorFault!)).not.toBe(await iconOf(ids.sensorAlarm!))

    // The map's markers carry the same kinds, and the quiet detection is not among them.
    const features = await page.evaluate(async () => {
      const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
      return (await map.getSource('events').getData()).features.map((f) => f.properties)
    })
    const kindOf = (id: string) => features.find((f) => f.id === id)?.kind
    expect(kindOf(ids.sensorAlarm!)).toBe('sensor_alarm')
    expect(kindOf(ids.sensorFault!)).toBe('sensor_fault')
    expect(kindOf(ids.hotline!)).toBe('hotline')
    expect(kindOf(ids.quietDetection!)).toBeUndefined()
    // The legend explains them, fault and offline included.
    const legend = await page.getByTestId('map-legend').innerText()
    for (const word of ['设备故障', '设备离线', '物联报警', 'AI识别', '12345热线', '网格员上报']) expect(legend).toContain(word)
  })

  it('filters the feed and the map markers by source, and keeps the filter across a restart of the wall', async () => {
    const chip = (source: string) => page.locator(`[data-testid="feed-filter-chip"][data-source="${source}"]`)
    const rowSources = () => page.locator('[data-testid="feed-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')))
    const markerSources = () => page.evaluate(async () => {
      const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
      return (await map.getSource('events').getData()).features.map((f) => f.properties.source)
    })
    // Big enough for a finger on a touch wall.
    const box = await chip('sensor').boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)

    await chip('sensor').click()
    await expect.poll(rowSources).toEqual(['sensor', 'sensor'])
    await expect.poll(markerSources).toEqual(['sensor', 'sensor'])
    expect(await chip('sensor').getAttribute('aria-pressed')).toBe('true')
    expect(await chip('all').getAttribute('aria-pressed')).toBe('false')
    expect(new URL(page.url()).searchParams.get('sources')).toBe('sensor')

    // A restarted wall (a reload, even from the bare URL) comes back filtered.
    await page.goto(`${server.url}/wall`)
    await page.locator('[data-testid="wall-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
    await expect.poll(rowSources, { timeout: 10_000 }).toEqual(['sensor', 'sensor'])
    expect(await chip('sensor').getAttribute('aria-pressed')).toBe('true')
    await expect.poll(markerSources, { timeout: 10_000 }).toEqual(['sensor', 'sensor'])

    // Two sources at once, then one only.
    await chip('hotline').click()
    await expect.poll(async () => [...new Set(await rowSources())].sort()).toEqual(['hotline', 'sensor'])
    await chip('sensor').click()
    await expect.poll(rowSources).toEqual(['hotline'])
    await page.waitForTimeout(600)
    await page.screenshot({ path: `${ARTIFACTS}/feed-filter.png` })

    await chip('all').click()
    await expect.poll(async () => (await rowSources()).length).toBe(6)
    expect(new URL(page.url()).searchParams.get('sources')).toBeNull()
  })

  it('opens a grid worker report from its map marker, with names for every tier and markup as text', async () => {
    // The filter was just widened: the marker must be drawn before a click can find it.
    await expect
      .poll(() => page.evaluate((id) => {
        const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
        return !map.isMoving() && map.queryRenderedFeatures({ layers: ['event-icon'] }).some((f) => f.properties['id'] === id)
      }, ids.incident!), { timeout: 10_000 })
      .toBe(true)
    const at = await page.evaluate(async (id) => {
      const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
      const f = (await map.getSource('events').getData()).features.find((x) => x.properties.id === id)!
      const p = map.project(f.geometry.coordinates)
      const r = map.getCanvas().getBoundingClientRect()
      return { x: r.left + p.x, y: r.top + p.y }
    }, ids.incident!)
    await page.mouse.click(at.x, at.y)
    const d = page.locator(`[data-testid="event-drawer"][data-event-id="${ids.incident}"]`)
    await d.waitFor({ timeout: 10_000 })
    await expect.poll(() => d.getAttribute('data-status'), { timeout: 5000 }).toBe('ready')
    // The click opened the event; it did not drill the map into the street beneath it.
    expect(await page.getByTestId('wall-map').getAttribute('data-focus-level')).toBe('street')
    await page.getByTestId('map-selected-event').waitFor({ state: 'attached', timeout: 3000 })

    expect(await d.getByTestId('drawer-title').innerText()).toContain('<img src=x onerror=')
    expect(await field(d, 'category').innerText()).toBe('消防隐患')
    expect(await field(d, 'severity').innerText()).toBe('较大')
    expect(await field(d, 'source').innerText()).toBe('网格员上报')
    expect(await field(d, 'occurredAt').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    const tiers = await tiersNamed(d)
    expect(tiers).toHaveLength(5)
    expect(tiers[0]).toBe('成华区')
    expect(tiers[1]).toMatch(/街道$/)
    expect(await d.getByTestId('drawer-description').innerText()).toContain('堵塞疏散通道')
    const section = d.getByTestId('drawer-incident')
    expect(await field(section, 'worker').innerText()).toBe('W-0012')
    const photos = section.locator('[data-testid="incident-photos"] img')
    expect(await photos.count()).toBe(2)
    await expect.poll(() => photos.first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await shot('drawer-incident')
    await closeWithEsc()
    expect(await page.getByTestId('map-selected-event').count()).toBe(0)
  })

  it('shows a sensor alarm with its device and lifecycle, and lets the dispatcher acknowledge it', async () => {
    const d = await openFromFeed(ids.sensorAlarm!)
    const section = d.getByTestId('drawer-sensor')
    expect(await field(section, 'sensorId').innerText()).toBeTruthy()
    expect(await field(section, 'state').innerText()).toBe('报警')
    expect(await d.getByTestId('drawer-alarm').count()).toBe(1)
    const status = d.getByTestId('alarm-status')
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 5000 }).toBe('active')
    // Cleared only once acknowledged: no 消警 before 确认.
    expect(await d.getByTestId('alarm-clear').count()).toBe(0)
    await d.getByTestId('alarm-ack').click()
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 5000 }).toBe('acknowledged')
    expect(await d.getByTestId('drawer-alarm').innerText()).toContain('district')
    expect(await d.getByTestId('alarm-ack').count()).toBe(0)
    expect(await d.getByTestId('alarm-clear').count()).toBe(1)
    await shot('drawer-sensor')
    await closeWithEsc()
  })

  it('shows a sensor fault as a fault, with no alarm to act on', async () => {
    const d = await openFromFeed(ids.sensorFault!)
    const section = d.getByTestId('drawer-sensor')
    expect(await field(section, 'state').innerText()).toBe('故障')
    expect(await field(section, 'faultCode').innerText()).toBe('E07')
    expect(await d.getByTestId('drawer-alarm').count()).toBe(0)
    await shot('drawer-sensor-fault')
    await page.getByTestId('drawer-close').click()
    await drawer().waitFor({ state: 'detached', timeout: 3000 })
  })

  it('shows a detection’s snapshot with its box, the confidence, the camera and the clip', async () => {
    const d = await openFromFeed(ids.detection!)
    const section = d.getByTestId('drawer-detection')
    const img = section.locator('[data-testid="detection-snapshot"] img')
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(640)
    const [frame, box] = await Promise.all([img.boundingBox(), section.getByTestId('detection-bbox').boundingBox()])
    // The box sits where [0.56, 0.55, 0.2, 0.25] of the frame is.
    expect(Math.abs(box!.x - (frame!.x + 0.56 * frame!.width))).toBeLessThan(3)
    expect(Math.abs(box!.width - 0.2 * frame!.width)).toBeLessThan(3)
    expect(Math.abs(box!.height - 0.25 * frame!.height)).toBeLessThan(3)
    expect(await field(section, 'confidence').innerText()).toBe('92.0%')
    expect(await field(section, 'camera').innerText()).toBeTruthy()
    expect(await section.getByTestId('detection-clip').getAttribute('href')).toBe('/media/clips/drawer-dog.mp4')
    await shot('drawer-detection')
    await closeWithEsc()
  })

  it('shows a hotline request with the caller masked, never the number', async () => {
    const d = await openFromFeed(ids.hotline!)
    const section = d.getByTestId('drawer-hotline')
    expect(await field(section, 'service').innerText()).toBe('噪声扰民')
    expect(await field(section, 'phone').innerText()).toBe('138****5678')
    // The server masks each name part ('张' → '*'); the wall shows what it got.
    const caller = await field(section, 'caller').innerText()
    // The family name stays and the given name goes, as the server masks every name (张三 → 张*).
    expect(caller).toBe('张*')
    expect(await field(section, 'expected').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(await section.locator('[data-field="address"]').innerText()).toContain('望平街168号')
    expect(await section.innerText()).toContain('施工')
    // Nowhere on the page, not even in the description the caller typed it into.
    expect(await page.content()).not.toContain(CALLER_PHONE)
    await shot('drawer-hotline')
    await closeWithEsc()
  })

  it('shows a CAP warning’s headline, wording, times and areas', async () => {
    // The warning is in force: listed over the map, its area drawn in the severity's colour.
    const listed = page.getByTestId('map-warning').filter({ hasText: '暴雨橙色预警' })
    await listed.waitFor({ timeout: 10_000 })
    expect(await listed.getAttribute('data-severity')).toBe('severe')
    await expect
      .poll(() => page.evaluate(async () => {
        const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
        return (await map.getSource('warnings').getData()).features.length
      }), { timeout: 10_000 })
      .toBeGreaterThan(0)
    await page.waitForTimeout(500)
    await shot('wall-warning')
    const d = await openFromFeed(ids.cap!)
    const section = d.getByTestId('drawer-cap')
    expect(await section.locator('[data-field="headline"]').innerText()).toContain('暴雨橙色预警')
    expect(await field(section, 'urgency').innerText()).toBe('预期')
    expect(await field(section, 'certainty').innerText()).toBe('很可能')
    expect(await field(section, 'expires').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(await section.locator('[data-field="instruction"]').innerText()).toContain('远离低洼地带')
    expect(await section.locator('[data-field="areas"]').innerText()).toContain('成华区北部')
    await shot('drawer-cap')
    await closeWithEsc()
  })

  it('gives a read-only wall account the detail but no alarm buttons', async () => {
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${server.url}/login`)
    await signIn(page, 'wall')
    await page.waitForURL(/\/wall/)
    await feedRow(ids.sensorAlarm!).waitFor({ timeout: 10_000 })
    const d = await openFromFeed(ids.sensorAlarm!)
    expect(await d.getByTestId('alarm-ack').count()).toBe(0)
    expect(await d.getByTestId('alarm-clear').count()).toBe(0)
    await d.getByTestId('alarm-read-only').waitFor({ timeout: 5000 })
    await closeWithEsc()
  })

  it('rings a camera where repeated detections have formed a hotspot', async () => {
    const cameraId = await registryId('/api/v1/cameras', 'cameras', () => true)
    expect(cameraId).toBeTruthy()
    const at = (min: number) => new Date(Date.now() - min * 60_000).toISOString()
    const res = await post('/api/v1/detections', [3, 2, 1].map((min) => ({
      cameraId, kind: 'stray_dog', confidence: 0.9, at: at(min), bbox: [0.3, 0.5, 0.2, 0.25], detectionId: `drawer-hot-${min}`,
    })))
    expect(res.status).toBe(201)
    await expect
      .poll(() => page.evaluate(async () => {
        const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
        return (await map.getSource('hotspots').getData()).features.map((f) => f.properties['count'])
      }), { timeout: 15_000 })
      .toEqual([3])
  })

  it('shows the open cases the events made, by tier, with a countdown to each one’s deadline', async () => {
    const board = page.getByTestId('case-board')
    await expect.poll(async () => Number((await board.getByTestId('case-open').innerText()).replace(/\D/g, '')), { timeout: 10_000 }).toBeGreaterThan(0)
    const row = board.getByTestId('case-row').first()
    await row.waitFor({ timeout: 5000 })
    expect(await row.innerText()).toMatch(/(接单|到场|办结)(剩|超) \d{1,2}:\d{2}/)
  })
})
