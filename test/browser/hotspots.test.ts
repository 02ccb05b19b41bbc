import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { labelPoint } from '../../geo/label-point.ts'
import type { TestServer } from '../helpers/build-app.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signIn, signInToWall } from './sign-in.ts'

let server: TestServer
let browser: Browser
let page: Page

interface MapHandle {
  getSource(id: string): { getData(): Promise<{ features: Array<{ properties: Record<string, unknown> }> }> } | undefined
}

beforeAll(async () => {
  // The server looks for 高频事件 twice a second, so they form within the test's patience.
  ;({ server, browser, page } = await startBrowserSuite({ HOTSPOT_AUTO_INTERVAL_S: '0.5' }))
})
afterAll(() => stopBrowserSuite({ server, browser }))

/** Three groups of reports, each close together in its own community, and told apart by their counts. */
const GROUPS = {
  noise: { community: 20, source: 'hotline', category: 'noise', title: '夜间施工噪声扰民', n: 7, name: '噪声扰民' },
  litter: { community: 40, source: 'incident', category: 'environment', title: '楼道堆放杂物', n: 6, name: '环境卫生' },
  garbage: { community: 60, source: 'hotline', category: 'garbage_collection', title: '垃圾清运不及时', n: 5, name: '垃圾清运' },
} as const
type Group = keyof typeof GROUPS

/** A group's reports, within about 35 m of its community's label point. */
function reports(group: Group) {
  const g = GROUPS[group]
  const [lng, lat] = labelPoint(server.app.district.communities[g.community]!.geometry)!
  const now = Date.now()
  return Array.from({ length: g.n }, (_, k) => ({
    source: g.source, sourceId: `hot-${group}-${k}`, category: g.category, title: g.title,
    occurredAt: new Date(now - (g.n - k) * 5 * 60_000).toISOString(),
    // 1e-4° of latitude is 11 m.
    location: { lng: lng + Math.cos(k) * 0.0003, lat: lat + Math.sin(k) * 0.00025 },
  }))
}

const streetOf = (group: Group) => server.app.district.communities[GROUPS[group].community]!.properties.parentId

/** The features of a map source, as drawn. */
const sourceData = (id: string) =>
  page.evaluate(async (source) => {
    const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
    return ((await map.getSource(source)?.getData())?.features ?? []).map((f) => f.properties)
  }, id)

const row = (group: Group) => page.locator('[data-testid="map-hotspot"]').filter({ hasText: GROUPS[group].name })
const drawer = () => page.getByTestId('hotspot-drawer')

/** The 事件 scene, held: the risk scene lists fewer hotspots, under its warnings. */
async function holdEventsScene(): Promise<void> {
  const button = page.getByTestId('map-scene-events')
  if ((await button.count()) > 0) await button.click()
}

async function openRow(group: Group): Promise<void> {
  if ((await drawer().count()) > 0) {
    await page.keyboard.press('Escape')
    await drawer().waitFor({ state: 'detached', timeout: 3_000 })
  }
  await row(group).click()
  await drawer().waitFor({ timeout: 5_000 })
}

describe('高频事件 on the wall', () => {
  it('lists clusters of reports and rings them on the map, apart from the detection rings', async () => {
    await signInToWall(page, server.url, 'district')
    await holdEventsScene()
    expect((await server.ingest([...reports('noise'), ...reports('litter'), ...reports('garbage')])).status).toBe(201)
    // Loaded again a gap after people's reports arrive (the server finds hotspots on a clock of its own).
    await expect.poll(() => page.getByTestId('map-hotspot').count(), { timeout: 45_000 }).toBe(3)
    expect(await page.getByTestId('map-hotspots').innerText()).toMatch(/^高频事件 · 3\s+待派单 3/)
    // The biggest first.
    expect(await page.getByTestId('map-hotspot').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.type))).toEqual(['cluster', 'cluster', 'cluster'])
    const first = await page.getByTestId('map-hotspot').first().innerText()
    expect(first).toMatch(/^噪声扰民\s+\d+ 米范围内\s+×7/)
    // Named by street and community (the community's name comes with its boundaries).
    const community = server.app.district.communities[GROUPS.noise.community]!.properties
    await expect.poll(() => row('noise').innerText(), { timeout: 10_000 }).toContain(community.name)

    const drawn = await sourceData('auto-hotspots')
    expect(drawn.map((p) => p['count']).sort()).toEqual([5, 6, 7])
    // The detection rings' source holds only detection hotspots.
    expect(await sourceData('hotspots')).toEqual([])
    const chips = page.getByTestId('map-hotspot-chip')
    await expect.poll(() => chips.count()).toBe(3)
    expect((await chips.allInnerTexts()).sort()).toEqual(['噪声扰民 ×7', '垃圾清运 ×5', '环境卫生 ×6'])
    expect(await page.locator('[data-testid="map-legend-hotspots"] [data-hotspot="auto"]').innerText()).toBe('高频事件')
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${ARTIFACTS}/hotspots.png` })
  })

  it('sends one to its department in one click and shows it sent', async () => {
    await openRow('noise')
    expect(await page.getByTestId('hotspot-title').innerText()).toMatch(/噪声扰民\s*×7/)
    await expect.poll(() => page.getByTestId('hotspot-report').count(), { timeout: 10_000 }).toBe(7)

    await page.getByTestId('hotspot-send-button').click()
    const sent = drawer().getByTestId('hotspot-sent')
    await sent.waitFor({ timeout: 10_000 })
    // The case's department is the server's routing's choice.
    expect(await sent.innerText()).toMatch(/^已派单 C-\d{7} · \S+/)
    const caseId = /C-\d{7}/.exec(await sent.innerText())![0]
    expect(await drawer().getAttribute('data-case-id')).toBe(caseId)
    await expect.poll(() => row('noise').getAttribute('data-case-id')).toBe(caseId)
    expect(await row('noise').getByTestId('map-hotspot-sent').innerText()).toBe(`已派单 ${caseId}`)
    // Sent ones go after those still waiting; the map fades its chip.
    expect(await page.getByTestId('map-hotspot').last().getAttribute('data-case-id')).toBe(caseId)
    await expect.poll(() => page.locator('[data-testid="map-hotspot-chip"][data-sent="true"]').innerText()).toBe('噪声扰民 ×7')
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${ARTIFACTS}/hotspots-sent.png` })
  })

  it('says so in its own words when someone else sent it first (409)', async () => {
    const id = (await row('litter').getAttribute('data-id'))!
    // Keep the wall's list as it was, so it still offers the button.
    await page.route('**/api/v1/hotspots', (route) => route.abort())
    try {
      const token = await server.login(`street-${streetOf('litter')}`)
      const first = await fetch(`${server.url}/api/v1/hotspots/${encodeURIComponent(id)}/dispatch`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
      expect(first.status).toBe(201)
      const { case: opened } = (await first.json()) as { case: { id: string } }

      await openRow('litter')
      await page.getByTestId('hotspot-send-button').click()
      const refusal = page.getByTestId('hotspot-refusal')
      await refusal.waitFor({ timeout: 10_000 })
      expect(await refusal.getAttribute('data-status')).toBe('409')
      expect(await refusal.innerText()).toContain(`已派过单：${opened.id}`)
      await page.unroute('**/api/v1/hotspots')
      // The refusal loads the list again (retried once the route is back), which names the case.
      await expect.poll(() => drawer().getAttribute('data-case-id'), { timeout: 15_000 }).toBe(opened.id)
    } finally {
      await page.unroute('**/api/v1/hotspots')
    }
  })

  it('gives a read-only wall account the detail but no send button', async () => {
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${server.url}/login`)
    await signIn(page, 'wall')
    await page.waitForURL(/\/wall/)
    await page.locator('[data-testid="wall-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
    await holdEventsScene()
    await row('garbage').waitFor({ timeout: 15_000 })
    await openRow('garbage')
    expect(await drawer().getAttribute('data-case-id')).toBe('')
    await drawer().getByTestId('hotspot-read-only').waitFor({ timeout: 5_000 })
    expect(await page.getByTestId('hotspot-send-button').count()).toBe(0)

    await openRow('noise')
    expect(await drawer().getByTestId('hotspot-sent').innerText()).toMatch(/^已派单 C-\d{7}/)
    expect(await page.getByTestId('hotspot-send-button').count()).toBe(0)
  })
})

describe('高频事件 at the street command post', () => {
  it('lists the street’s hotspots in the queue’s third tab, a sent one opening its case', async () => {
    const street = streetOf('noise')
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${server.url}/login`)
    await signIn(page, `street-${street}`)
    await page.waitForURL(new RegExp(`/post/${street}`))
    await page.getByTestId('post-tab-hotspots').click()
    const noise = page.getByTestId('post-hotspot').filter({ hasText: GROUPS.noise.name })
    await noise.waitFor({ timeout: 15_000 })
    // Only this street's.
    for (const group of ['litter', 'garbage'] as const) {
      if (streetOf(group) !== street) expect(await page.getByTestId('post-hotspot').filter({ hasText: GROUPS[group].name }).count()).toBe(0)
    }
    const caseId = await noise.getAttribute('data-case-id')
    expect(caseId).toMatch(/^C-\d{7}$/)
    await noise.locator('button[data-testid="hotspot-sent"]').click()
    await expect.poll(() => page.getByTestId('post-detail').getAttribute('data-case-id'), { timeout: 10_000 }).toBe(caseId)
    expect(await page.getByTestId('post-detail-title').innerText()).toContain('高频事件')
    // Its events are the hotspot's calls.
    await expect.poll(() => page.getByTestId('post-event').count()).toBeGreaterThanOrEqual(5)
    expect(await page.getByTestId('post-events').innerText()).toMatch(/关联事件 · [5-9]/)
    await page.screenshot({ path: `${ARTIFACTS}/hotspots-post.png` })
  })
})
