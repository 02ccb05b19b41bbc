import { launchChromium } from './test/browser/chromium.ts'
const base = process.argv[2] ?? 'http://localhost:3100'
const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
await page.goto(`${base}/login`)
await page.getByTestId('login-username').fill('district')
await page.getByTestId('login-password').fill('demo')
await page.getByTestId('login-submit').click()
await page.waitForURL(/\/wall/)
await page.locator('[data-testid="wall-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
await page.waitForTimeout(20_000)
await page.screenshot({ path: '/tmp/e2e-wall.png' })
// open the newest detection from the feed
const det = page.locator('[data-testid="feed-item"][data-source="detection"]').first()
if (await det.count()) {
  await det.click()
  await page.waitForTimeout(3000)
  await page.screenshot({ path: '/tmp/e2e-detection.png' })
}
console.log('feed rows', await page.locator('[data-testid="feed-item"]').count(), 'warnings', await page.getByTestId('map-warning').count())
await browser.close()
