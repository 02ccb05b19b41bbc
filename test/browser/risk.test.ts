import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RISK_LEVELS, riskRank } from '../../domain/risk.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import type { TestServer } from '../helpers/build-app.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signInToWall } from './sign-in.ts'

let server: TestServer
let browser: Browser
let page: Page
const rng = createRandom('risk-browser')

interface MapHandle {
  isMoving(): boolean
  areTilesLoaded(): boolean
  getLayer(id: string): unknown
  queryRenderedFeatures(o: { layers: string[] }): Array<{ id?: string | number; state: Record<string, unknown> }>
  getGlobalState(): Record<string, unknown>
  getFeatureState(f: { source: string; id: string }): Record<string, unknown>
}

beforeAll(async () => {
  // Scores every second, so a grid set alight turns within the test's patience.
  ;({ server, browser, page } = await startBrowserSuite({ RISK_INTERVAL_S: '1' }))
})
afterAll(() => stopBrowserSuite({ server, browser }))

const wallMap = () => page.getByTestId('wall-map')
const globalScene = () =>
  page.evaluate(() => (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap.getGlobalState()['scene'])
/** Each feature's level now (`risk`) or forecast (`forecast`), as the map holds it. */
const riskStates = (source: string, ids: string[], key: 'risk' | 'forecast' = 'risk') =>
  page.evaluate(
    ({ source, ids, key }) => {
      const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
      return ids.map((id) => map.getFeatureState({ source, id })[key])
    },
    { source, ids, key },
  )

/** The `risk` (or `forecast`) state of each feature MapLibre has drawn in a fill layer: what the colours were drawn from. */
const drawnRisk = (layer: string, key: 'risk' | 'forecast' = 'risk') =>
  page.evaluate(({ l, key }) => {
    const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
    return map.getLayer(l) ? map.queryRenderedFeatures({ layers: [l] }).map((f) => f.state[key]) : []
  }, { l: layer, key })

/** The camera still and every tile drawn (the micro-grids' 2.5 MB source takes a while in software GL). */
async function settled(): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => {
      const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
      return !map.isMoving() && map.areTilesLoaded()
    }), { timeout: 15_000 })
    .toBe(true)
  await page.waitForTimeout(300)
}

/** Extreme fire hazards, three in each micro-grid of a grid: enough to take it to orange or red. */
async function setAlight(gridId: string): Promise<void> {
  const microgrids = server.app.district.microgrids.filter((m) => m.properties.parentId === gridId)
  const items = microgrids.flatMap((m, i) => [0, 1, 2].map((k) => {
    const [lng, lat] = randomPointInPolygon(rng, m)
    return {
      source: 'incident', sourceId: `risk-wall-${i}-${k}`, category: 'fire_hazard', severity: 'extreme',
      occurredAt: new Date().toISOString(), location: { lng, lat }, title: '楼道堆放易燃物',
    }
  }))
  expect((await server.ingest(items)).status).toBe(201)
}

describe('risk by grid on the wall map', () => {
  const grid = () => server.app.district.grids[200]!

  it('offers the risk scene once the first frame arrived, and colours every street by its level', async () => {
    await signInToWall(page, server.url)
    await page.getByTestId('map-scene').waitFor({ timeout: 10_000 })
    await page.getByTestId('map-scene-risk').click()
    await expect.poll(() => wallMap().getAttribute('data-scene')).toBe('risk')
    expect(await page.getByTestId('map-scene').getAttribute('data-scene')).toBe('risk')
    expect(await globalScene()).toBe('risk')

    const legend = page.locator('[data-testid="map-legend-risk"] li')
    expect(await legend.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.riskLevel))).toEqual([...RISK_LEVELS])
    expect(await legend.first().innerText()).toMatch(/绿色/)
    expect(await legend.last().innerText()).toMatch(/红色.*高风险/)

    const streets = server.app.district.streets.map((s) => s.properties.id)
    const levels = await riskStates('streets', streets)
    for (const l of levels) expect(RISK_LEVELS).toContain(l)
    await settled()
    const drawn = await drawnRisk('street-fill')
    expect(drawn.length).toBeGreaterThan(0)
    for (const l of drawn) expect(RISK_LEVELS).toContain(l)
    // The labels' chips carry the streets' scores in their colours.
    await expect.poll(() => page.locator('[data-testid="map-label"][data-level="street"][data-risk]').count()).toBe(streets.length)
    expect(await page.getByTestId('map-risk-stat').innerText()).toMatch(/^风险 \S+色 \d+$/)
  })

  it('turns a grid set alight orange or red, and lists its early warning', async () => {
    const { id, name } = grid().properties
    await setAlight(id)
    const row = page.locator(`[data-testid="map-risk-warning"][data-grid-id="${id}"]`)
    await row.waitFor({ timeout: 20_000 })
    expect(['orange', 'red']).toContain(await row.getAttribute('data-to'))
    expect(await row.innerText()).toContain(name)
    await expect.poll(async () => (await riskStates('grid', [id]))[0]).toMatch(/^(orange|red)$/)
    await settled()
    await page.screenshot({ path: `${ARTIFACTS}/risk.png` })
  })

  it('a tap on the warning drills to that grid, its micro-grids coloured by their own scores', async () => {
    const { id } = grid().properties
    await page.locator(`[data-testid="map-risk-warning"][data-grid-id="${id}"]`).click()
    await expect.poll(() => wallMap().getAttribute('data-selected-id')).toBe(id)
    const scored = page.locator('[data-testid="map-label"][data-level="microgrid"][data-risk]')
    await expect.poll(() => scored.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const hot = await page.locator('[data-testid="map-label"][data-level="microgrid"]').evaluateAll((els) =>
      els.map((e) => (e as HTMLElement).dataset.risk))
    expect(hot.some((l) => l === 'orange' || l === 'red')).toBe(true)
    await settled()
    await expect.poll(async () => (await drawnRisk('microgrid-fill')).some((l) => l === 'orange' || l === 'red'), { timeout: 15_000 }).toBe(true)
    await page.screenshot({ path: `${ARTIFACTS}/risk-grid.png` })
  })

  it('switching back to 事件 restores the event colouring and takes the risk key away', async () => {
    await page.getByTestId('map-scene-events').click()
    await expect.poll(() => wallMap().getAttribute('data-scene')).toBe('events')
    expect(await globalScene()).toBe('events')
    expect(await page.getByTestId('map-legend-risk').count()).toBe(0)
    expect(await page.getByTestId('map-risk-warnings').count()).toBe(0)
    expect(await page.locator('[data-testid="map-label"][data-risk]').count()).toBe(0)
  })

  it('the 预测 scene colours and labels the grid alight by its 24-hour forecast, and says it is a forecast', async () => {
    const { id } = grid().properties
    await page.getByTestId('map-scene-forecast').click()
    await expect.poll(() => wallMap().getAttribute('data-scene')).toBe('forecast')
    expect(await globalScene()).toBe('forecast')
    expect(await page.getByTestId('map-forecast-banner').innerText()).toMatch(/风险预测 · 未来24小时/)
    expect(await page.getByTestId('map-legend-risk-title').innerText()).toBe('预测等级')
    await expect.poll(() => page.getByTestId('map-risk-stat').innerText()).toMatch(/^24小时预测 \S+色 \d+$/)
    await page.getByTestId('map-forecast-rises').waitFor()
    expect(await page.getByTestId('map-risk-warnings').count()).toBe(0)

    // The grid's fill reads its forecast level: the burst decays over the day, but its rate keeps the
    // grid above calm (a burst forecast lower than now is the model's, server/risk/risk-forecast.ts).
    const street = id.slice(0, 9)
    const forecastOf = (level: 'grid' | 'microgrid') =>
      new Map(server.app.risk.report({ level, street, forecast: true }).nodes.map((n) => [n.id, n.forecast!]))
    const gridAhead = forecastOf('grid').get(id)!
    expect(riskRank(gridAhead.riskLevel)).toBeGreaterThanOrEqual(riskRank('yellow'))
    await expect.poll(async () => (await riskStates('grid', [id], 'forecast'))[0], { timeout: 15_000 }).toBe(gridAhead.riskLevel)
    const ahead = forecastOf('microgrid')

    // Still drilled into the grid: each micro-grid's label shows its forecast score, in its forecast colour.
    const labels = page.locator('[data-testid="map-label"][data-level="microgrid"]')
    await expect.poll(() => page.locator('.map-node-label--forecast[data-level="microgrid"][data-risk]').count(), { timeout: 15_000 })
      .toBe(await labels.count())
    const shown = await labels.evaluateAll((els) => els.map((e) => ({
      id: (e as HTMLElement).dataset.id!,
      risk: (e as HTMLElement).dataset.risk,
      score: Number(e.querySelector('.map-node-count')?.textContent),
    })))
    expect(shown.some((l) => l.risk === gridAhead.riskLevel)).toBe(true)
    for (const l of shown) {
      const f = ahead.get(l.id)!
      expect(l.risk).toBe(f.riskLevel)
      // Scored again every second meanwhile: the forecast drifts by a point at most.
      expect(Math.abs(l.score - Math.floor(f.score))).toBeLessThanOrEqual(1)
    }
    expect(await riskStates('microgrid', shown.map((l) => l.id), 'forecast')).toEqual(shown.map((l) => l.risk))
    await settled()
    await expect.poll(async () => (await drawnRisk('microgrid-fill', 'forecast')).includes(gridAhead.riskLevel), { timeout: 15_000 }).toBe(true)
    await page.screenshot({ path: `${ARTIFACTS}/risk-forecast-grid.png` })

    // Back at the district: the streets' chips carry their forecast scores.
    await page.getByTestId('map-crumb').first().click()
    await expect.poll(() => wallMap().getAttribute('data-selected-id')).toBe(server.app.district.district.properties.id)
    await expect.poll(() => page.locator('.map-node-label--forecast[data-level="street"][data-risk]').count())
      .toBe(server.app.district.streets.length)
    await settled()
    await page.screenshot({ path: `${ARTIFACTS}/risk-forecast.png` })
  })
})
