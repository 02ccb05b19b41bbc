/**
 * Risk by grid at the street command post, in Chromium against the real app scoring every second: a
 * street user watches their post while one of their grids is set alight (extreme fire hazards in
 * each of its micro-grids). The overview's 风险态势 counts it at orange or red, ranks it first and
 * lists its early warning, flagged as new; the queue's 风险预警 counter lights up and brings the
 * overview back from an open case; acknowledging clears both; the street map tints the grid.
 * Saves `test-results/post-risk.png`.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import type { TestServer } from '../helpers/build-app.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signIn } from './sign-in.ts'

let server: TestServer
let browser: Browser
let page: Page
let streetId: string
const rng = createRandom('post-risk-browser')

interface MapHandle {
  getFeatureState(f: { source: string; id: string }): Record<string, unknown>
}

beforeAll(async () => {
  ;({ server, browser, page } = await startBrowserSuite({ RISK_INTERVAL_S: '1' }))
  streetId = server.app.district.streets[2]!.properties.id
})
afterAll(() => stopBrowserSuite({ server, browser }))

/**
 * The street's grid most vulnerable already (old compounds, elderly residents): events alone stop
 * just short of orange, so a grid with nothing else to its score could not show the rise asked for.
 */
function vulnerableGrid(): { id: string; name: string } {
  const grids = server.app.risk.nodes(streetId).filter((n) => n.level === 'grid')
  const id = grids.sort((a, b) => b.parts.vulnerability - a.parts.vulnerability)[0]!.id
  const grid = server.app.district.grids.find((g) => g.properties.id === id)!
  return { id, name: grid.properties.name }
}

/** Extreme fire hazards, three in each micro-grid of the grid. */
async function setAlight(gridId: string): Promise<void> {
  const microgrids = server.app.district.microgrids.filter((m) => m.properties.parentId === gridId)
  const items = microgrids.flatMap((m, i) => [0, 1, 2].map((k) => {
    const [lng, lat] = randomPointInPolygon(rng, m)
    return {
      source: 'incident', sourceId: `post-risk-${i}-${k}`, category: 'fire_hazard', severity: 'extreme',
      occurredAt: new Date().toISOString(), location: { lng, lat }, title: '楼道堆放易燃物',
    }
  }))
  expect((await server.ingest(items)).status).toBe(201)
}

const section = () => page.getByTestId('post-risk')
const counter = () => page.getByTestId('post-risk-new')

describe('risk at the street command post', () => {
  it("sums up the street's risk in the overview before anything happens", async () => {
    await page.goto(`${server.url}/login`)
    await signIn(page, `street-${streetId}`)
    await page.waitForURL((url) => url.pathname === `/post/${streetId}`)
    await expect.poll(() => page.getByTestId('post-risk-street').getAttribute('data-risk-level'), { timeout: 15_000 }).toMatch(/^(green|blue|yellow|orange|red)$/)
    const counts = await page.getByTestId('post-risk-count').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.count)))
    const grids = server.app.district.grids.filter((g) => g.properties.id.startsWith(streetId)).length
    expect(counts.reduce((a, b) => a + b, 0)).toBe(grids)
    await expect.poll(() => page.getByTestId('post-risk-grid').count()).toBe(5)
    // Named from the geo store's grid tier, not by id.
    await expect.poll(() => page.getByTestId('post-risk-grid').first().innerText()).toMatch(/网格/)
    expect(await counter().getAttribute('data-count')).toBe('0')
  })

  it('turns a grid set alight orange or red, ranks it first and flags its early warning', async () => {
    const { id, name } = vulnerableGrid()
    await setAlight(id)
    const warning = page.locator(`[data-testid="post-risk-warning"][data-grid-id="${id}"]`)
    await warning.waitFor({ timeout: 20_000 })
    expect(await warning.getAttribute('data-to')).toMatch(/^(orange|red)$/)
    expect(await warning.getAttribute('data-fresh')).toBe('true')
    expect(await warning.innerText()).toContain(name)

    const top = page.getByTestId('post-risk-grid').first()
    await expect.poll(() => top.getAttribute('data-grid-id')).toBe(id)
    expect(await top.getAttribute('data-risk-level')).toMatch(/^(orange|red)$/)
    expect(await top.innerText()).toContain(name)
    const level = (await top.getAttribute('data-risk-level'))!
    expect(Number(await page.locator(`[data-testid="post-risk-count"][data-risk-level="${level}"]`).getAttribute('data-count'))).toBeGreaterThan(0)

    expect(Number(await counter().getAttribute('data-count'))).toBeGreaterThan(0)
    expect(Number(await section().getAttribute('data-fresh'))).toBeGreaterThan(0)
    // The street map tints the grid by the same level.
    await expect.poll(() => page.evaluate((gridId) =>
      (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap.getFeatureState({ source: 'post-grids', id: gridId })['risk'], id)).toBe(level)
    await page.screenshot({ path: `${ARTIFACTS}/post-risk.png` })
  })

  it('the queue’s counter brings the overview back from an open case, and acknowledging clears the flags', async () => {
    // The fire hazards opened cases: open one, which hides the overview.
    await page.getByTestId('post-queue-row').first().click()
    await section().waitFor({ state: 'detached' })
    await counter().click()
    await section().waitFor()
    await page.getByTestId('post-risk-ack').click()
    await expect.poll(() => counter().getAttribute('data-count')).toBe('0')
    expect(await page.locator('[data-testid="post-risk-warning"][data-fresh="true"]').count()).toBe(0)
    expect(await page.getByTestId('post-risk-ack').count()).toBe(0)
  })
})
