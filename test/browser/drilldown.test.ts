import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hotlineItem, type TestServer } from '../helpers/build-app.ts'
import { labelPoint } from '../../geo/label-point.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signInToWall } from './sign-in.ts'

let server: TestServer
let browser: Browser
let page: Page

interface MapHandle {
  project(p: [number, number]): { x: number; y: number }
  isMoving(): boolean
  getFeatureState(f: { source: string; id: string }): Record<string, unknown>
  getCanvas(): HTMLCanvasElement
}

beforeAll(async () => {
  ;({ server, browser, page } = await startBrowserSuite())
})
afterAll(() => stopBrowserSuite({ server, browser }))

const crumbs = () => page.getByTestId('map-crumb').allInnerTexts()
const labels = (level: string) => page.locator(`[data-testid="map-label"][data-level="${level}"]`)

/** Waits for the camera to settle after a fly. */
async function settled(): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap.isMoving()), { timeout: 5000 })
    .toBe(false)
  await page.waitForTimeout(150)
}

/** Clicks the map at a longitude/latitude, through the canvas (labels let clicks pass). */
async function clickLngLat(lngLat: [number, number]): Promise<void> {
  const at = await page.evaluate((p) => {
    const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
    const px = map.project(p)
    const rect = map.getCanvas().getBoundingClientRect()
    // The wall stage may be CSS-scaled: project() is in the canvas's own CSS pixels.
    const scale = rect.width / map.getCanvas().clientWidth
    return { x: rect.left + px.x * scale, y: rect.top + px.y * scale }
  }, lngLat)
  await page.mouse.click(at.x, at.y)
}

describe('drilling down the hierarchy on the wall map', () => {
  it('logs in and waits for the map', async () => {
    await signInToWall(page, server.url)
    expect(await crumbs()).toEqual(['成华区'])
    expect(await labels('street').count()).toBe(server.app.district.streets.length)
  })

  it('clicking a street flies to it, shows its communities, labelled and counted', async () => {
    const street = server.app.district.streets[4]!
    const { id, name } = street.properties
    const at = labelPoint(street.geometry)!
    // An event in this street, so its communities get counts through feature-state. Away from where
    // the test clicks: a click on an event's marker opens the event instead of drilling down.
    const rng = createRandom('drill-event')
    let ev = randomPointInPolygon(rng, street)
    while (Math.hypot(ev[0]! - at[0], ev[1]! - at[1]) < 0.01) ev = randomPointInPolygon(rng, street)
    await server.ingest(hotlineItem('drill-1', ev[0]!, ev[1]!, { title: '钻取测试' }))
    await page.locator('[data-testid="feed-item"][data-source-id="drill-1"]').waitFor({ timeout: 3000 })

    await clickLngLat(at)
    await expect.poll(crumbs).toEqual(['成华区', name])
    await expect.poll(() => labels('community').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await labels('street').count()).toBe(0)
    const ids = await labels('community').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''))
    for (const c of ids) expect(c.startsWith(id)).toBe(true)
    expect(await labels('community').first().innerText()).toMatch(/社区/)
    await settled()

    const states = await page.evaluate((cs) => {
      const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
      return cs.map((c) => map.getFeatureState({ source: 'community', id: c }))
    }, ids)
    expect(states.some((s) => s.count === 1 && s.share === 1)).toBe(true)
    await page.screenshot({ path: `${ARTIFACTS}/drilldown.png` })
  })

  it('clicking a community shows its grids, and the crumb goes back up', async () => {
    const first = labels('community').first()
    const box = (await first.boundingBox())!
    const communityName = (await first.locator('.map-node-name').innerText()).trim()
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(async () => (await crumbs()).at(-1)).toBe(communityName)
    await expect.poll(() => labels('grid').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await labels('grid').first().innerText()).toMatch(/第\d+网格/)
    await settled()
    await page.screenshot({ path: `${ARTIFACTS}/drilldown-community.png` })

    await page.locator('[data-testid="map-crumb"][data-level="district"]').click()
    await expect.poll(crumbs).toEqual(['成华区'])
    await expect.poll(() => labels('street').count()).toBe(server.app.district.streets.length)
    expect(await labels('grid').count()).toBe(0)
    await settled()
  })

  it('draws all 6,283 micro-grids at once behind a switch', async () => {
    await page.getByTestId('map-toggle-microgrids').click()
    const ms = await page
      .locator('[data-testid="wall-map"]:not([data-all-microgrids-ms=""])')
      .getAttribute('data-all-microgrids-ms', { timeout: 30_000 })
    console.log(`all micro-grids fetched and drawn in ${ms} ms`)
    expect(Number(ms)).toBeGreaterThan(0)
    await page.screenshot({ path: `${ARTIFACTS}/drilldown-microgrids.png` })
    await page.getByTestId('map-toggle-microgrids').click()
  })
})
