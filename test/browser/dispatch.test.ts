import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import type { Unit } from '../../domain/units.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, type TestServer } from '../helpers/build-app.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signInToWall } from './sign-in.ts'
import { renderedProperties, renderedValues } from './wall-map.ts'

let server: TestServer
let browser: Browser
let page: Page
let dispatcher: Record<string, string>
const rng = createRandom('dispatch-browser-test')

beforeAll(async () => {
  ;({ server, browser, page } = await startBrowserSuite())
  dispatcher = { authorization: `Bearer ${await server.login('district')}`, 'content-type': 'application/json' }
})
afterAll(() => stopBrowserSuite({ server, browser }))

const rendered = (layer: string, prop: string) => renderedValues(page, layer, prop)

async function caseOf(eventId: string): Promise<Case> {
  let found: Case | undefined
  await expect.poll(async () => {
    const reply = (await (await fetch(`${server.url}/api/v1/cases?status=open`, { headers: dispatcher })).json()) as { cases: Case[] }
    found = reply.cases.find((c) => c.eventIds.includes(eventId))
    return found !== undefined
  }, { timeout: 5000 }).toBe(true)
  return found!
}

describe('the dispatch picture on the wall', () => {
  it('draws a case an event opens with its SLA ring, and a unit sent to it with a line to the case', async () => {
    await signInToWall(page, server.url)

    const street = server.app.district.streets[3]!
    const [lng, lat] = randomPointInPolygon(rng, street)
    const res = await server.ingest(hotlineItem('dispatch-browser-1', lng, lat, { title: '小区消防通道被占用', severity: 'severe' }))
    expect(res.status).toBe(201)
    const eventId = ((await res.json()) as { events: Array<{ id: string }> }).events[0]!.id
    const c = await caseOf(eventId)
    // Just opened, with the whole window to accept left: at the district's zoom a calm case is a small
    // dot, so a busy day's open cases do not bury the map in rings.
    await expect.poll(() => rendered('dispatch-case-dot', 'id'), { timeout: 5000 }).toContain(c.id)
    expect((await renderedProperties(page, 'dispatch-case-dot')).find((p) => p['id'] === c.id)).toMatchObject({ state: 'ok', escalated: false })
    expect(await rendered('dispatch-case-ring', 'id')).not.toContain(c.id)

    // A unit from the case's street sent to it: drawn bright at the district's zoom, with its line.
    const roster = (await (await fetch(`${server.url}/api/v1/units?street=${street.properties.id}&status=available`, { headers: dispatcher })).json()) as { units: Unit[] }
    const unit = roster.units[0]!
    const sent = await fetch(`${server.url}/api/v1/cases/${c.id}/actions`, { method: 'POST', headers: dispatcher, body: JSON.stringify({ action: 'dispatch', unitId: unit.id }) })
    expect(sent.status).toBe(200)
    await expect.poll(() => rendered('dispatch-units-busy', 'id'), { timeout: 5000 }).toContain(unit.id)
    await expect.poll(() => rendered('dispatch-links', 'caseId'), { timeout: 5000 }).toContain(c.id)
    // Idle units are not drawn at the district's zoom.
    expect(await rendered('dispatch-units-idle', 'id')).toEqual([])

    // An escalated case stands out: a larger ring with a red outline.
    const [lng2, lat2] = randomPointInPolygon(rng, server.app.district.streets[7]!)
    const res2 = await server.ingest(hotlineItem('dispatch-browser-2', lng2, lat2, { title: '路灯损坏', severity: 'minor' }))
    const c2 = await caseOf(((await res2.json()) as { events: Array<{ id: string }> }).events[0]!.id)
    const up = await fetch(`${server.url}/api/v1/cases/${c2.id}/actions`, { method: 'POST', headers: dispatcher, body: JSON.stringify({ action: 'escalate', note: '测试上报' }) })
    expect(up.status).toBe(200)
    await expect.poll(() => rendered('dispatch-case-alert', 'id'), { timeout: 5000 }).toContain(c2.id)
    expect(await rendered('dispatch-case-alert', 'id')).not.toContain(c.id)

    // The escalated case wears its ring at the district's zoom, a calm one none.
    await expect.poll(() => rendered('dispatch-case-ring', 'id'), { timeout: 5000 }).toContain(c2.id)

    // Drilled in to a street's zoom, the calm case wears its full ring and is no longer a dot.
    const view = await page.evaluate(([x, y]) => {
      const map = (window as unknown as { __gridwatchMap: { getCenter(): { lng: number; lat: number }; getZoom(): number; jumpTo(o: object): void } }).__gridwatchMap
      const before = { center: map.getCenter(), zoom: map.getZoom() }
      map.jumpTo({ center: [x, y], zoom: 14 })
      return before
    }, [c.location.lng, c.location.lat])
    await expect.poll(() => rendered('dispatch-case-ring-calm', 'id'), { timeout: 5000 }).toContain(c.id)
    const ring = (await renderedProperties(page, 'dispatch-case-ring-calm')).find((p) => p['id'] === c.id)
    expect(ring).toMatchObject({ state: 'ok', ring: 'sla-ring-ok-12', escalated: false })
    expect(await rendered('dispatch-case-dot', 'id')).not.toContain(c.id)
    await page.evaluate((v) => (window as unknown as { __gridwatchMap: { jumpTo(o: object): void } }).__gridwatchMap.jumpTo(v), view)

    await expect(page.getByTestId('map-legend-units').innerText()).resolves.toContain('在途')
    await expect(page.getByTestId('map-legend-sla').innerText()).resolves.toContain('已超时')
  })

  it('ranks the streets by KPI, today, with the case just opened counted', async () => {
    const panel = page.getByTestId('kpi-ranking')
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready')
    await expect.poll(() => page.getByTestId('kpi-row').count(), { timeout: 5000 }).toBe(server.app.district.streets.length)
    expect(await panel.innerText()).toContain('街道考核排名 · 今日')
    // The street with the case has a score; it ranks among the scored streets, above those with none.
    const street = server.app.district.streets[3]!.properties.id
    const row = page.locator(`[data-testid="kpi-row"][data-street-id="${street}"]`)
    await expect.poll(() => row.innerText(), { timeout: 5000 }).toMatch(/\d+%/)
    await page.waitForTimeout(1200)
    await page.screenshot({ path: `${ARTIFACTS}/dispatch-wall.png` })
    await page.getByTestId('wall-map').screenshot({ path: `${ARTIFACTS}/dispatch-map.png` })
  })
})
