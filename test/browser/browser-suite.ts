/**
 * What every browser test file starts with: the web app built (when stale), the real app on a random
 * port, Chromium with one 1920×1080 page, and `test-results/` for screenshots.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts'
import { startTestServer, type TestServer } from '../helpers/build-app.ts'
import { launchChromium } from './chromium.ts'

export const ARTIFACTS = 'test-results'

export interface BrowserSuite {
  server: TestServer
  browser: Browser
  page: Page
}

export async function startBrowserSuite(env: Record<string, string> = {}): Promise<BrowserSuite> {
  await buildWebIfStale(() => {})
  const server = await startTestServer(env)
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  mkdirSync(ARTIFACTS, { recursive: true })
  return { server, browser, page }
}

/** Closes what started; safe after a `startBrowserSuite` that failed part-way (nothing to close). */
export async function stopBrowserSuite(suite: Partial<BrowserSuite>): Promise<void> {
  await suite.browser?.close()
  await suite.server?.close()
}
