/**
 * The wall's main thread in Chromium: long tasks (> 50 ms, PerformanceObserver 'longtask') while
 * the wall runs with a live event stream and the camera moves, with all 6,283 micro-grids drawn
 * beside the same wall at rest (district and streets only), in the same browser and run.
 *
 * Chromium here renders WebGL in software (SwiftShader), so GPU work lands on the CPU too: the
 * figures are an upper bound for a wall PC with a real GPU.
 */
import type { Page } from 'playwright-core'
import { launchChromium } from '../test/browser/chromium.ts'
import { signIn } from '../test/browser/sign-in.ts'
import { buildWebIfStale } from '../scripts/build-web-if-stale.ts'
import { startChildServer } from './child-server.ts'

export interface LongTaskFigures {
  /** Long tasks in the measuring window. */
  count: number
  /** Their summed duration, ms. */
  totalMs: number
  maxMs: number
  /** Frames the page painted per second in the window (requestAnimationFrame). */
  fps: number
  /** For the micro-grid run: switch pressed → all drawn and idle, ms (fetch included). */
  drawMs?: number
}

interface MapHandle {
  easeTo(o: { zoom: number; duration: number }): void
  getZoom(): number
}

/**
 * Records long tasks and animation frames from now on, into window.__bench. A string, not a
 * function: tsx compiles with keepNames, whose `__name` helper does not exist in the page.
 */
const RECORDER = `(() => {
  const bench = { tasks: [], frames: 0, started: performance.now(), stop: false }
  window.__bench = bench
  new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.tasks.push(e.duration) }).observe({ type: 'longtask' })
  const tick = () => { if (bench.stop) return; bench.frames++; requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
})()`

async function startRecording(page: Page): Promise<void> {
  await page.evaluate(RECORDER)
}

async function stopRecording(page: Page): Promise<LongTaskFigures> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: { tasks: number[]; frames: number; started: number; stop: boolean } }).__bench
    bench.stop = true
    const seconds = (performance.now() - bench.started) / 1000
    return {
      count: bench.tasks.length,
      totalMs: bench.tasks.reduce((a, b) => a + b, 0),
      maxMs: Math.max(0, ...bench.tasks),
      fps: bench.frames / seconds,
    }
  })
}

/** The window: live events for `seconds`, with a zoom in and back out in the middle of it. */
async function measureWindow(page: Page, seconds: number): Promise<LongTaskFigures> {
  await startRecording(page)
  const third = (seconds * 1000) / 3
  await page.waitForTimeout(third)
  await page.evaluate((d) => {
    const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
    map.easeTo({ zoom: map.getZoom() + 1.5, duration: d })
  }, third / 2)
  await page.waitForTimeout(third / 2)
  await page.evaluate((d) => {
    const map = (window as unknown as { __gridwatchMap: MapHandle }).__gridwatchMap
    map.easeTo({ zoom: map.getZoom() - 1.5, duration: d })
  }, third / 2)
  await page.waitForTimeout(third * 1.5)
  return stopRecording(page)
}

export async function benchWallLongTasks(seconds: number): Promise<{ ours: LongTaskFigures; peer: LongTaskFigures }> {
  await buildWebIfStale(() => {})
  // 600 events a minute: a busy district hour, so the feed, counters and map all move.
  const server = await startChildServer('gridwatch.ts', { BENCH_SIMULATION_RATE: '600' })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await page.goto(`${server.url}/login`)
    await signIn(page, 'wall')
    await page.locator('[data-testid="wall-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
    // Let the first snapshot's work finish before measuring anything.
    await page.waitForTimeout(2000)

    const peer = await measureWindow(page, seconds)

    await page.getByTestId('map-toggle-microgrids').click()
    const drawMs = Number(
      await page.locator('[data-testid="wall-map"]:not([data-all-microgrids-ms=""])').getAttribute('data-all-microgrids-ms', { timeout: 60_000 }),
    )
    await page.waitForTimeout(1000)
    const ours = await measureWindow(page, seconds)
    return { ours: { ...ours, drawMs }, peer }
  } finally {
    await browser.close()
    await server.stop()
  }
}
