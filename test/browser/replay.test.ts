/**
 * The replay (`/replay`) in Chromium against the real app: a district user signs in (any role may
 * open it by URL), the map of the district draws, and a set of events posted through the API appear
 * on the map, in the counters and in the list once the slider is brought to just before them and
 * the replay plays on at 60×. A street user's replay holds only their street. Saves
 * `test-results/replay.png`.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IngestItem } from '../../domain/event.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, type TestServer } from '../helpers/build-app.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signIn } from './sign-in.ts'

const rng = createRandom('replay-browser')
let server: TestServer
let browser: Browser
let page: Page
/** Events posted, by street index. */
const PER_STREET = [8, 6, 5, 5, 4, 4, 3, 3, 2, 2, 2]
const TOTAL = PER_STREET.reduce((a, b) => a + b, 0)
let firstReceived = 0
let lastSeq = 0

function itemIn(streetIndex: number, k: number): IngestItem {
  const [lng, lat] = randomPointInPolygon(rng, server.app.district.streets[streetIndex]!)
  if (k % 3 === 0) {
    return {
      source: 'incident', sourceId: `replay-ui-${streetIndex}-${k}`, category: 'fire_hazard', severity: k % 2 ? 'severe' : 'extreme',
      occurredAt: new Date().toISOString(), location: { lng, lat }, title: '楼道堆放易燃杂物', attrs: { workerId: 'W0010001' },
    } as IngestItem
  }
  return hotlineItem(`replay-ui-${streetIndex}-${k}`, lng, lat, { title: k % 2 ? '夜间施工噪声扰民' : '<b>小区门禁损坏</b>' } as Partial<IngestItem>)
}

/** What the replay map's trail source holds now (read back from MapLibre). */
function trailCount(): Promise<number> {
  return page.evaluate(async () => {
    const map = (window as unknown as { __gridwatchMap: { getSource(id: string): { getData(): Promise<{ features: unknown[] }> } } }).__gridwatchMap
    return (await map.getSource('replay-trail').getData()).features.length
  })
}

const count = async (testId: string) => Number(await page.getByTestId(testId).innerText())

beforeAll(async () => {
  ;({ server, browser, page } = await startBrowserSuite())
  const before = Date.now()
  for (const [i, n] of PER_STREET.entries()) {
    const res = await server.ingest(Array.from({ length: n }, (_, k) => itemIn(i, k)))
    expect(res.status).toBe(201)
    lastSeq = Math.max(lastSeq, ...((await res.json()) as { events: { seq: number }[] }).events.map((e) => e.seq))
  }
  firstReceived = before
})
afterAll(() => stopBrowserSuite({ server, browser }))

describe('the replay', () => {
  it('signs in from the URL and draws the district with the last 24 hours loaded', async () => {
    await page.goto(`${server.url}/replay`)
    await page.waitForURL(/\/login/)
    await signIn(page, 'district')
    await page.waitForURL((url) => url.pathname === '/replay')
    await page.locator('[data-testid="replay-page"][data-status="ready"]').waitFor({ timeout: 30_000 })
    expect(Number(await page.getByTestId('replay-page').getAttribute('data-count'))).toBe(TOTAL)
    await page.locator('[data-testid="replay-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('replay-loaded').innerText()).toBe(`共 ${TOTAL} 件事件`)
    expect(await page.locator('[data-testid="replay-preset"][data-preset="last24h"]').getAttribute('aria-pressed')).toBe('true')
    // It plays from the start of the range, a day before the events: nothing replayed yet.
    expect(await page.getByTestId('replay-play').getAttribute('data-playing')).toBe('true')
    expect(await count('replay-total')).toBe(0)
    await page.getByTestId('replay-feed').getByText('回放尚未到达任何事件').waitFor()
  })

  it('shows the posted events on the map, in the counters and the list once played to them', async () => {
    // Half a replayed minute before the first: half a real second at 60×.
    await page.getByTestId('replay-slider').evaluate((el, t) => {
      const input = el as HTMLInputElement
      input.value = String(t)
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }, firstReceived - 30_000)
    await expect.poll(() => count('replay-total'), { timeout: 20_000 }).toBe(TOTAL)
    await expect.poll(trailCount, { timeout: 10_000 }).toBe(TOTAL)
    expect(Number(await page.getByTestId('replay-map').getAttribute('data-shown'))).toBe(TOTAL)
    const bySource = Object.fromEntries(await page.getByTestId('replay-source-count').evaluateAll((els) =>
      els.map((el) => [(el as HTMLElement).dataset.source, Number(el.textContent)])))
    expect(bySource).toMatchObject({ incident: PER_STREET.reduce((a, n) => a + Math.ceil(n / 3), 0), hotline: TOTAL - PER_STREET.reduce((a, n) => a + Math.ceil(n / 3), 0), sensor: 0 })
    // The newest first; titles as text, markup and all.
    const rows = page.getByTestId('replay-row')
    expect(Number(await rows.first().getAttribute('data-seq'))).toBe(lastSeq)
    expect(await page.getByTestId('replay-feed').innerText()).toMatch(/12345热线|网格员上报/)
    expect(await page.getByTestId('replay-feed').locator('b').count()).toBe(0)
    // The busiest street leads the ranking.
    const top = page.getByTestId('replay-streets').locator('li').first()
    expect(await top.getAttribute('data-street-id')).toBe(server.app.district.streets[0]!.properties.id)
    expect(await top.innerText()).toMatch(/8$/)
    // The clock shows a time at the events' minute or after.
    expect(Number(await page.getByTestId('replay-clock').getAttribute('data-time'))).toBeGreaterThanOrEqual(firstReceived)
    await page.screenshot({ path: `${ARTIFACTS}/replay.png` })
  })

  it('pauses, plays and changes speed', async () => {
    const play = page.getByTestId('replay-play')
    if ((await play.getAttribute('data-playing')) === 'true') await play.click()
    expect(await play.getAttribute('data-playing')).toBe('false')
    const speed = page.locator('[data-testid="replay-speed"][data-speed="300"]')
    await speed.click()
    expect(await speed.getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByTestId('replay-map-shown').innerText()).toMatch(/图上 \d+ 件/)
    // Back to the start: the counters and the map empty again.
    await page.getByTestId('replay-slider').evaluate((el) => {
      const input = el as HTMLInputElement
      input.value = input.min
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await expect.poll(() => count('replay-total')).toBe(0)
    await expect.poll(trailCount).toBe(0)
    await play.click()
    expect(await play.getAttribute('data-playing')).toBe('true')
  })

  it('gives a street user only their own street', async () => {
    await page.evaluate(() => localStorage.clear())
    const street = server.app.district.streets[1]!.properties.id
    await page.goto(`${server.url}/replay`)
    await page.waitForURL(/\/login/)
    await signIn(page, `street-${street}`)
    await page.waitForURL((url) => url.pathname === '/replay')
    await page.locator('[data-testid="replay-page"][data-status="ready"]').waitFor({ timeout: 30_000 })
    expect(Number(await page.getByTestId('replay-page').getAttribute('data-count'))).toBe(PER_STREET[1])
    await page.locator('[data-testid="replay-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
    // One street: no ranking of streets.
    expect(await page.getByTestId('replay-streets').count()).toBe(0)
  })

  it('replays a range named in the URL, and says when it holds nothing', async () => {
    await page.goto(`${server.url}/replay?from=2026-11-01T00:00:00%2B08:00&until=2026-11-02T00:00:00%2B08:00`)
    await page.locator('[data-testid="replay-page"][data-status="ready"]').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('replay-page').getAttribute('data-count')).toBe('0')
    expect(await page.getByTestId('replay-range').innerText()).toBe('11-01 00:00 至 11-02 00:00')
    expect(await page.getByTestId('replay-notice').innerText()).toBe('该时段暂无事件')
    expect(await page.getByTestId('replay-play').isDisabled()).toBe(true)
    expect(await page.locator('[data-testid="replay-preset"][aria-pressed="true"]').count()).toBe(0)
    // The clock stands at the start of the range.
    expect(await page.getByTestId('replay-clock').innerText()).toMatch(/2026-11-01[\s\S]*00:00:00/)
  })
})
