/**
 * The street command post (`/post/:streetId`) in Chromium against the real app: a street user signs
 * in, a 12345 call in their street opens an extreme case that flashes in the alert queue (a call in
 * another street does not show), and they work it through the loop: a stale button meets a 409 that
 * the page shows in the server's words, then dispatch a unit, accept, whistle a department and
 * record its report, resolve with a note, record the return visit and close. A leader sees the same
 * post read-only. Saves `test-results/post-*.png`.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, type TestServer } from '../helpers/build-app.ts'
import { ARTIFACTS, startBrowserSuite, stopBrowserSuite } from './browser-suite.ts'
import { signIn } from './sign-in.ts'

const rng = createRandom('post-test')
let server: TestServer
let browser: Browser
let page: Page
let streetId: string
let otherStreetId: string
let caseId: string
/** While true, the server's socket messages to the street user's page are held back (and then sent). */
let holdFrames = false
const held: Array<() => void> = []

beforeAll(async () => {
  ;({ server, browser, page } = await startBrowserSuite())
  streetId = server.app.district.streets[3]!.properties.id
  otherStreetId = server.app.district.streets[5]!.properties.id
  // The socket goes through the test, so it can hold live frames back for the stale-button case.
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const upstream = ws.connectToServer()
    upstream.onMessage((m) => (holdFrames ? held.push(() => ws.send(m)) : ws.send(m)))
  })
})
afterAll(() => stopBrowserSuite({ server, browser }))

function callIn(streetIndex: number, sourceId: string, title: string) {
  const [lng, lat] = randomPointInPolygon(rng, server.app.district.streets[streetIndex]!)
  return hotlineItem(sourceId, lng, lat, { title, severity: 'extreme', description: '楼道内有浓烈燃气味，住户已撤离' })
}

async function apiAct(token: string, id: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1/cases/${id}/actions`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
  })
}

// By path: the login page's `?redirect=/post/…` must not count as having arrived.
const atPost = (id: string) => (url: URL) => url.pathname === `/post/${id}`
const status = () => page.getByTestId('post-detail-status').getAttribute('data-status')
const action = (name: string) => page.getByTestId(`post-action-${name}`)

describe('the street command post', () => {
  it('lands a street user on their own street’s post after signing in, and shows its empty queue', async () => {
    // Signing in with nowhere asked for: a street user's home is their post, not the wall.
    await page.goto(`${server.url}/login`)
    await signIn(page, `street-${streetId}`)
    await page.waitForURL(atPost(streetId))
    await expect.poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')
    await expect.poll(() => page.getByTestId('post-heading').innerText()).toMatch(/街道指挥部/)
    await page.getByTestId('post-queue-empty').waitFor()
    // Before a case is opened, the detail pane sums up the street, units included (live units store).
    await expect.poll(() => page.getByTestId('post-summary').innerText()).toMatch(/处置力量 · [1-9]\d*/)
    // The street's briefing and the replay are a click away.
    expect(await page.getByTestId('post-briefing-link').getAttribute('href')).toBe(`/briefing?street=${streetId}`)
    expect(await page.getByTestId('post-replay-link').getAttribute('href')).toBe('/replay')

    // `/post` alone is their own street's post too.
    await page.goto(`${server.url}/post`)
    await page.waitForURL(atPost(streetId))
    // Another street's post is not theirs: they land back on their own.
    await page.goto(`${server.url}/post/${otherStreetId}`)
    await page.waitForURL(atPost(streetId))
    await page.getByTestId('post-queue-empty').waitFor()
  })

  it('flashes a new extreme case from its street, and only its street', async () => {
    await page.getByTestId('post-sound').click()
    await expect.poll(() => page.getByTestId('post-sound').getAttribute('data-on')).toBe('true')
    const res = await server.ingest([
      callIn(3, 'post-gas-1', '燃气泄漏 · 建设路 12 号'),
      callIn(5, 'post-elsewhere-1', '别的街道的来电'),
    ])
    expect(res.status).toBe(201)
    const row = page.getByTestId('post-queue-row').first()
    await row.waitFor({ timeout: 10_000 })
    expect(await row.getAttribute('data-flashing')).toBe('true')
    expect(await page.getByTestId('post-queue-row').count()).toBe(1)
    await expect.poll(() => row.innerText()).toMatch(/燃气泄漏/)
    expect(await row.innerText()).toMatch(/特别重大[\s\S]*街道[\s\S]*待派遣/)
    expect(Number(await page.getByTestId('post-page').getAttribute('data-beeps'))).toBeGreaterThanOrEqual(1)
    caseId = (await row.getAttribute('data-case-id'))!
    // The street map draws the case as a point (read back from its source).
    await page.locator('[data-testid="post-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
    await expect.poll(() => page.evaluate(async () => {
      const map = (window as unknown as { __gridwatchMap: { getSource(id: string): { getData(): Promise<{ features: { properties: { id: string } }[] }> } } }).__gridwatchMap
      return (await map.getSource('post-cases').getData()).features.map((f) => f.properties.id)
    })).toEqual([caseId])
    await page.screenshot({ path: `${ARTIFACTS}/post-queue.png` })
  })

  it('shows the server’s reason when a button went stale (409), then where the case really is', async () => {
    await page.getByTestId('post-queue-row').first().click()
    await page.getByTestId('post-detail-title').waitFor()
    expect(await page.getByTestId('post-queue-row').first().getAttribute('data-flashing')).toBe('false')
    expect(await status()).toBe('new')
    await action('assign').waitFor()
    // The district centre assigns it first, and its cases frame is held back: this post's 派遣
    // button is now stale, as on a slow link or in the second before the frame lands.
    holdFrames = true
    const district = await server.login('district')
    expect((await apiAct(district, caseId, { action: 'assign' })).status).toBe(200)
    await action('assign').click()
    const refusal = page.getByTestId('post-refusal')
    await refusal.waitFor()
    expect(await refusal.getAttribute('data-status')).toBe('409')
    expect(await refusal.innerText()).toMatch(/派遣未成功（409）.*assign is allowed only from/)
    await expect.poll(status).toBe('assigned')
    holdFrames = false
    for (const send of held.splice(0)) send()
    await page.screenshot({ path: `${ARTIFACTS}/post-refusal.png` })
  })

  it('dispatches the nearest unit, accepts, and whistles the fire brigade, who report', async () => {
    await action('dispatch').click()
    const choice = page.getByTestId('post-unit-choice').first()
    await choice.waitFor()
    const unitId = (await choice.getAttribute('data-unit-id'))!
    await page.screenshot({ path: `${ARTIFACTS}/post-dispatch.png` })
    await choice.getByTestId('post-unit-send').click()
    await page.locator(`[data-testid="post-case-unit"][data-unit-id="${unitId}"]`).waitFor()
    await page.locator('[data-testid="post-audit-entry"][data-action="dispatch"]').waitFor()
    expect(await page.locator('[data-testid="post-audit-entry"][data-action="dispatch"]').getAttribute('data-actor')).toBe(`street-${streetId}`)

    await action('accept').click()
    await expect.poll(status).toBe('accepted')

    await action('whistle').click()
    await page.getByTestId('post-whistle-fire').check()
    await page.getByTestId('post-whistle-form').getByTestId('post-confirm').click()
    const summons = page.locator('[data-testid="post-summons-row"][data-department="fire"]')
    await summons.waitFor()
    expect(await summons.getAttribute('data-late')).toBe('false')
    expect(await summons.innerText()).toMatch(/消防救援[\s\S]*前[\s\S]*剩 \d\d:\d\d/)
    await summons.locator('[data-stage="accept"]').click()
    await expect.poll(() => summons.innerText()).toMatch(/已接单/)
    await summons.locator('[data-stage="arrive"]').click()
    await expect.poll(() => summons.innerText()).toMatch(/已到场/)
    await page.screenshot({ path: `${ARTIFACTS}/post-whistle.png` })
  })

  it('asks for a resolve note, resolves, records the return visit and closes', async () => {
    await action('resolve').click()
    await page.getByTestId('post-note-form').getByTestId('post-confirm').click()
    await page.getByTestId('post-note-missing').waitFor()
    expect(await status()).toBe('accepted')
    await page.getByTestId('post-note').fill('燃气公司已关阀检修，现场通风，无人员伤亡')
    await page.getByTestId('post-note-form').getByTestId('post-confirm').click()
    await expect.poll(status).toBe('resolved')
    await expect.poll(() => page.getByTestId('post-resolution').innerText()).toMatch(/关阀检修/)
    // Resolved, it leaves the open queue for the 待结案 tab.
    await page.getByTestId('post-queue-empty').waitFor()
    await page.getByTestId('post-tab-resolved').click()
    await page.locator(`[data-testid="post-queue-row"][data-case-id="${caseId}"]`).waitFor()

    // A 12345 case is closed only after its return visit: close is not offered before it.
    expect(await action('close').count()).toBe(0)
    await action('return_visit').click()
    await page.getByTestId('post-return-visit-satisfied').check()
    await page.getByTestId('post-return-visit-form').getByTestId('post-confirm').click()
    await action('close').click()
    await expect.poll(status).toBe('closed')
    expect(await page.getByTestId('post-detail-status').innerText()).toBe('已结案')
    await page.screenshot({ path: `${ARTIFACTS}/post-closed.png` })
  })

  it('shows a leader the same post read-only, at 1366×768', async () => {
    const leader = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    try {
      await server.ingest([callIn(3, 'post-gas-2', '燃气表箱漏气'), callIn(5, 'post-elsewhere-2', '别的街道的来电')])
      await leader.goto(`${server.url}/post/${streetId}`)
      await leader.waitForURL(/\/login/)
      await signIn(leader, 'leader')
      await leader.waitForURL(atPost(streetId))
      await leader.getByTestId('post-read-only').waitFor()
      await leader.getByTestId('post-queue-row').first().click()
      await leader.getByTestId('post-detail-title').waitFor()
      expect(await leader.locator('[data-testid^="post-action-"]').count()).toBe(0)
      expect(await leader.getByTestId('post-street-picker').inputValue()).toBe(streetId)
      // Another dispatcher's move reaches the post live (a cases frame), well before its 15 s refresh.
      const id = (await leader.getByTestId('post-detail').getAttribute('data-case-id'))!
      expect((await apiAct(await server.login('district'), id, { action: 'assign' })).status).toBe(200)
      await expect.poll(() => leader.getByTestId('post-detail-status').getAttribute('data-status'), { timeout: 5_000 }).toBe('assigned')
      await leader.screenshot({ path: `${ARTIFACTS}/post-leader-1366.png` })

      // District-wide users pick the street: the other street's post shows its own call.
      await leader.getByTestId('post-street-picker').selectOption(otherStreetId)
      await leader.waitForURL(atPost(otherStreetId))
      await expect.poll(() => leader.getByTestId('post-queue-row').allInnerTexts().then((rows) => rows.join('\n'))).toMatch(/别的街道的来电/)
      expect((await leader.getByTestId('post-queue-row').allInnerTexts()).join('\n')).not.toMatch(/燃气表箱漏气/)
    } finally {
      await leader.close()
    }
  })
})
