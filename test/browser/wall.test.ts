import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, type TestServer } from '../helpers/build-app.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signInToWall } from './sign-in.ts'

let server: TestServer
let browser: Browser
let page: Page
const rng = createRandom('browser-test')

beforeAll(async () => {
  ;({ server, browser, page } = await startBrowserSuite())
})
afterAll(() => stopBrowserSuite({ server, browser }))

const counterTotal = async () => Number((await page.getByTestId('counter-total').innerText()).replace(/[^\d]/g, ''))

function itemIn(streetIndex: number, sourceId: string, title: string) {
  const [lng, lat] = randomPointInPolygon(rng, server.app.district.streets[streetIndex]!)
  return hotlineItem(sourceId, lng, lat, { title, severity: 'severe' })
}

describe('the wall', () => {
  it('logs in, shows the live wall and draws the district map', async () => {
    await signInToWall(page, server.url)
    await expect.poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')

    // Read the WebGL canvas inside a render callback, while its drawing buffer is still valid.
    const colours = await page.evaluate(() => new Promise<number>((resolve) => {
      const map = (window as unknown as { __gridwatchMap: { once(e: string, f: () => void): void; triggerRepaint(): void; getCanvas(): HTMLCanvasElement } }).__gridwatchMap
      map.once('render', () => {
        const src = map.getCanvas()
        const copy = document.createElement('canvas')
        copy.width = 200
        copy.height = 200
        const ctx = copy.getContext('2d')!
        ctx.drawImage(src, 0, 0, 200, 200)
        const data = ctx.getImageData(0, 0, 200, 200).data
        const seen = new Set<number>()
        for (let i = 0; i < data.length; i += 4) seen.add((data[i]! >> 3) << 10 | (data[i + 1]! >> 3) << 5 | (data[i + 2]! >> 3))
        resolve(seen.size)
      })
      map.triggerRepaint()
    }))
    // A blank canvas has one colour; the district's fills, outlines and glow have many.
    expect(colours).toBeGreaterThan(8)
  })

  it('shows an event posted through the API in the feed within 2 s, and the counter moves', async () => {
    const before = await counterTotal()
    const started = Date.now()
    const res = await server.ingest(itemIn(3, 'browser-1', '楼道电动车充电起火隐患'))
    expect(res.status).toBe(201)
    const row = page.locator('[data-testid="feed-item"][data-source-id="browser-1"]')
    await row.waitFor({ timeout: 2000 })
    expect(Date.now() - started).toBeLessThan(2000)
    await expect.poll(counterTotal).toBe(before + 1)
    expect(await row.innerText()).toContain('楼道电动车充电起火隐患')
  })

  it('renders user-supplied text as text', async () => {
    await server.ingest(itemIn(1, 'browser-xss', '<img src=x onerror="window.__pwned=1"><b>粗体</b>'))
    const row = page.locator('[data-testid="feed-item"][data-source-id="browser-xss"]')
    await row.waitFor({ timeout: 2000 })
    expect(await row.innerText()).toContain('<img src=x')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  })

  it('says it is reconnecting while the server is down, and resyncs after a restart without a reload', async () => {
    const navigations: string[] = []
    page.on('framenavigated', (f) => navigations.push(f.url()))
    const stopping = server.stop()
    await expect.poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), { timeout: 5000 }).not.toBe('live')
    await stopping
    await server.start()
    // Posted after the restart but possibly before the wall reconnects: resume must deliver it.
    await server.ingest(itemIn(6, 'browser-after-restart', '重启后上报'))
    await expect.poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), { timeout: 20_000 }).toBe('live')
    await page.locator('[data-testid="feed-item"][data-source-id="browser-after-restart"]').waitFor({ timeout: 5000 })
    expect(navigations).toEqual([])
    // Let the ranking's reorder animation settle, so the saved artifact shows the resting layout.
    await page.waitForTimeout(1200)
    await page.screenshot({ path: `${ARTIFACTS}/wall.png` })
  })
})
