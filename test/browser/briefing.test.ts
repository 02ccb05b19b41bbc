/**
 * The leaders' briefing (`/briefing`) in Chromium against the real app: a leader signs in and lands
 * on today's briefing of a quiet district, events are posted through the API, and the weekly
 * briefing shows them in every section (headline figures against last week, the trend, hotspots on
 * the map and in the table, the KPI ranking, notable incidents with their cases, topics of the
 * month); a street's daily briefing is one pick away. Printed to A4 it hides its controls and puts
 * the map in as a picture. Saves `test-results/briefing.png` and `test-results/briefing.pdf`.
 *
 * The server keeps a running period's briefing for 30 s, so the weekly briefing (not yet asked
 * for when the events arrive) is where they show at once.
 */
import { readFileSync, statSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IngestItem } from '../../domain/event.ts'
import { labelPoint } from '../../geo/label-point.ts'
import { hotlineItem, type TestServer } from '../helpers/build-app.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signIn } from './sign-in.ts'

let server: TestServer
let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ server, browser, page } = await startBrowserSuite())
})
afterAll(() => stopBrowserSuite({ server, browser }))

const NOISE_COMMUNITY = 12
const GARBAGE_COMMUNITY = 40

/** `n` items around a community's label point, about 10 m apart. */
function around(community: number, n: number, item: (k: number, lng: number, lat: number) => IngestItem): IngestItem[] {
  const [lng, lat] = labelPoint(server.app.district.communities[community]!.geometry)!
  return Array.from({ length: n }, (_, k) => item(k, lng + k * 0.0001, lat + 0.00005 * (k % 2)))
}

const ready = (kind: string) => page.locator(`[data-testid="briefing-page"][data-state="ready"][data-kind="${kind}"]`).waitFor({ timeout: 20_000 })
const figure = (key: string) => page.locator(`[data-testid="briefing-figure"][data-key="${key}"]`)
const rowsText = (testid: string) => page.getByTestId(testid).allInnerTexts().then((rows) => rows.join('\n'))

describe('the briefing', () => {
  it('is where a leader lands, and shows a quiet district’s day as such', async () => {
    await page.goto(`${server.url}/login`)
    await signIn(page, 'leader')
    await page.waitForURL((url) => url.pathname === '/briefing')
    await ready('daily')
    expect(await page.getByTestId('briefing-title').innerText()).toBe('成华区城市运行态势日报')
    // Today is still running: its figures are so far, set against the same stretch of yesterday.
    await expect.poll(() => page.getByTestId('briefing-as-of').innerText()).toMatch(/^截至 \d{2}:\d{2}（统计中）$/)
    expect(await figure('events').getAttribute('data-value')).toBe('0')
    expect(await figure('events').innerText()).toMatch(/较前日同期\s*持平/)
    expect(await page.getByTestId('briefing-hotspots').innerText()).toMatch(/本期无高发热点/)
    expect(await page.getByTestId('briefing-notable').innerText()).toMatch(/本期无重点事件/)
    // Nothing after today: the next day is not offered.
    expect(await page.getByTestId('briefing-next').isDisabled()).toBe(true)
  })

  it('shows the events posted in the weekly briefing, in every section', async () => {
    const items: IngestItem[] = [
      ...around(NOISE_COMMUNITY, 6, (k, lng, lat) => hotlineItem(`br-noise-${k}`, lng, lat, { category: 'noise' })),
      ...around(GARBAGE_COMMUNITY, 3, (k, lng, lat) => hotlineItem(`br-garbage-${k}`, lng, lat, { category: 'garbage_collection', title: '垃圾清运不及时' })),
      ...around(NOISE_COMMUNITY, 2, (k, lng, lat) => ({
        source: 'incident', sourceId: `br-fire-${k}`, category: 'fire_hazard', severity: 'extreme', occurredAt: new Date().toISOString(),
        location: { lng, lat: lat + 0.0002 }, title: '<b>楼道</b>堆放杂物起火隐患', attrs: { workerId: 'W0010001' },
      }) as IngestItem),
    ]
    const res = await server.ingest(items)
    expect(res.status, await res.clone().text()).toBe(201)

    await page.getByTestId('briefing-kind-weekly').click()
    await page.waitForURL((url) => url.searchParams.get('kind') === 'weekly')
    await ready('weekly')
    expect(await page.getByTestId('briefing-title').innerText()).toBe('成华区城市运行态势周报')
    // What a browser's "Save as PDF" names the file.
    expect(await page.title()).toMatch(/^成华区城市运行态势周报 \d{4}-\d{2}-\d{2}$/)
    expect(await page.getByTestId('briefing-period').innerText()).toMatch(/^统计时段：\d{4}年\d{1,2}月\d{1,2}日—(\d{4}年)?\d{1,2}月\d{1,2}日\s+截至 \d{2}-\d{2} \d{2}:\d{2}（统计中）$/)

    // Headline: 11 events against none the week before, the cases they opened.
    expect(await figure('events').getAttribute('data-value')).toBe('11')
    expect(await figure('events').innerText()).toMatch(/较上周同期\s*新增/)
    expect(Number(await figure('opened').getAttribute('data-value'))).toBeGreaterThanOrEqual(2)
    expect(await page.getByTestId('briefing-breakdown').innerText()).toMatch(/12345热线\s+9\s+0\s+新增/)
    expect(await page.getByTestId('briefing-breakdown').innerText()).toMatch(/特别重大\s+2/)
    // The trend has a bar for each day of the week begun so far.
    expect(Number(await page.getByTestId('briefing-trend').getAttribute('data-bars'))).toBeGreaterThanOrEqual(1)

    // Hotspots: the noise calls' community first, numbered as on the map.
    const noiseCommunity = server.app.district.communities[NOISE_COMMUNITY]!.properties.name
    const hotspots = page.getByTestId('briefing-hotspot-row')
    await expect.poll(() => hotspots.count()).toBeGreaterThanOrEqual(2)
    expect(await hotspots.first().innerText()).toMatch(new RegExp(`^1\\s+${noiseCommunity}\\s+\\S+街道\\s+噪声扰民\\s+6\\s+0\\s+新增`))
    expect(await rowsText('briefing-hotspot-row')).toMatch(/垃圾清运\s+3/)
    await page.locator('[data-testid="briefing-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
    const markers = await page.evaluate(async () => {
      const map = (window as unknown as { __gridwatchMap: { getSource(id: string): { getData(): Promise<{ features: { properties: { no: number } }[] }> } } }).__gridwatchMap
      return (await map.getSource('briefing-hotspots').getData()).features.map((f) => f.properties.no)
    })
    expect(markers).toEqual(Array.from({ length: await hotspots.count() }, (_, i) => i + 1))

    // The KPI ranking lists every street; the noise calls' street has its events beside it.
    expect(await page.getByTestId('briefing-kpi-row').count()).toBe(server.app.district.streets.length)
    // Notable incidents: the two extreme fire hazards, in one case, their title shown as text.
    const incident = page.getByTestId('briefing-incident').first()
    expect(await incident.getAttribute('data-severity')).toBe('extreme')
    expect(await incident.innerText()).toMatch(/特别重大[\s\S]*消防隐患[\s\S]*C-\d{7}/)
    expect(await incident.getByTestId('briefing-incident-title').innerText()).toBe('<b>楼道</b>堆放杂物起火隐患')
    expect(await incident.locator('b').count()).toBe(0)
    // Topics of the month: the noise calls over the last 30 days.
    expect(await rowsText('briefing-topic')).toMatch(/噪声扰民[\s\S]*?6\s+0\s+新增\s+1 个/)
    expect(await page.getByTestId('briefing-warnings').innerText()).toMatch(/风险预警/)

    await page.screenshot({ path: `${ARTIFACTS}/briefing.png`, fullPage: true })
  })

  it('prints to A4 without its controls, the map as a picture', async () => {
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByTestId('briefing-print').isVisible()).toBe(false)
    expect(await page.getByTestId('briefing-kind-daily').isVisible()).toBe(false)
    const picture = page.locator('[data-testid="briefing-map"] img')
    expect(await picture.isVisible()).toBe(true)
    expect(await picture.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    // The picture is the drawn map, not a blank canvas: its pixels are not all one colour.
    const colours = await picture.evaluate(async (img: HTMLImageElement) => {
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.naturalWidth
      c.height = img.naturalHeight
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const data = ctx.getImageData(0, 0, c.width, c.height).data
      const seen = new Set<number>()
      for (let i = 0; i < data.length && seen.size < 50; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
      return seen.size
    })
    expect(colours).toBeGreaterThan(5)
    // Back to no emulation: page.pdf() prints with the print stylesheet unless a medium is forced.
    await page.emulateMedia({ media: null })

    const path = `${ARTIFACTS}/briefing.pdf`
    await page.pdf({ path, format: 'A4' })
    const bytes = readFileSync(path)
    const text = bytes.toString('latin1')
    expect(text.startsWith('%PDF-')).toBe(true)
    const pages = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
    // Headline, trend, hotspots and tables: more than a page, and not a runaway of blank pages.
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThanOrEqual(4)
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 595\.9\d* 842\.8\d*\s*\]/)
    // The map went in as an image, and the report has real content (fonts, text, the picture).
    expect(text).toMatch(/\/Subtype\s*\/Image/)
    expect(statSync(path).size).toBeGreaterThan(30_000)
    expect(statSync(path).size).toBeLessThan(15_000_000)
  })

  it('gives one street’s daily briefing when a street is picked', async () => {
    const street = server.app.district.communities[NOISE_COMMUNITY]!.properties.parentId!
    const name = server.app.district.streets.find((s) => s.properties.id === street)!.properties.name
    await page.getByTestId('briefing-kind-daily').click()
    await ready('daily')
    await page.getByTestId('briefing-street').selectOption(street)
    await page.waitForURL((url) => url.searchParams.get('street') === street)
    await expect.poll(() => page.getByTestId('briefing-title').innerText()).toBe(`${name}城市运行态势日报`)
    await ready('daily')
    // The street's own events: the six noise calls and the two fire hazards.
    await expect.poll(() => figure('events').getAttribute('data-value')).toBe('8')
    expect(await page.getByTestId('briefing-kpi-row').count()).toBe(1)
  })

  it('speaks English on request', async () => {
    await page.goto(`${server.url}/briefing?kind=weekly&lang=en`)
    await ready('weekly')
    expect(await page.getByTestId('briefing-title').innerText()).toBe('成华区 city operations weekly briefing')
    expect(await figure('events').innerText()).toMatch(/Events\s+11\s+vs same point last week\s+new/)
  })
})
