/**
 * The offline basemap in Chromium: the wall started with a real OSM extract of Florence
 * (`../shared/data/basemap/firenze.pmtiles`), moved there, reads the archive with Range requests
 * and draws its features beneath our layers; without a basemap the style has none of it.
 * Saves `test-results/basemap.png`.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASEMAP_URL } from '../../domain/basemap.ts'
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts'
import { BASEMAP_COLORS, BASEMAP_LAYER_PREFIX, BASEMAP_SOURCE } from '../../web/map/basemap-style.ts'
import { LAYERS, MAP_BACKGROUND } from '../../web/map/district-style.ts'
import { startTestServer, type TestServer } from '../helpers/build-app.ts'
import { launchChromium } from './chromium.ts'
import { signIn } from './sign-in.ts'

const ARTIFACTS = 'test-results'
const FIRENZE = fileURLToPath(new URL('../../../shared/data/basemap/firenze.pmtiles', import.meta.url))
const FLORENCE = { center: [11.255, 43.77] as [number, number], zoom: 13 }

interface MapHandle {
  getStyle(): { sources: Record<string, unknown>; layers: Array<{ id: string; type: string }> }
  jumpTo(o: { center: [number, number]; zoom: number }): void
  once(e: string, f: () => void): void
  triggerRepaint(): void
  getCanvas(): HTMLCanvasElement
  queryRenderedFeatures(o: { layers: string[] }): Array<{ layer: { id: string }; sourceLayer?: string }>
}
declare const window: Window & { __gridwatchMap: MapHandle }

let browser: Browser

beforeAll(async () => {
  await buildWebIfStale(() => {})
  browser = await launchChromium()
  mkdirSync(ARTIFACTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

/** Signs in as the wall and waits for its map; `watch` sees the page before it loads anything. */
async function openWall(server: TestServer, watch: (page: Page) => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  watch(page)
  await page.goto(`${server.url}/wall`)
  await page.waitForURL(/\/login/)
  const basemapAnswered = page.waitForResponse((r) => r.url().endsWith('/api/v1/basemap'))
  await signIn(page, 'wall')
  await page.waitForURL(/\/wall/)
  expect((await basemapAnswered).status()).toBe(200)
  await page.locator('[data-testid="wall-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
  return page
}

/** Share of the canvas (sampled at 200×200) that is not the plain background, and distinct colours. */
function canvasStats(page: Page, background: string): Promise<{ covered: number; colours: number }> {
  return page.evaluate(
    (bg) =>
      new Promise((resolve) => {
        const map = window.__gridwatchMap
        // Read the WebGL canvas inside a render callback, while its drawing buffer is still valid.
        map.once('render', () => {
          const copy = document.createElement('canvas')
          copy.width = 200
          copy.height = 200
          const ctx = copy.getContext('2d')!
          ctx.drawImage(map.getCanvas(), 0, 0, 200, 200)
          const data = ctx.getImageData(0, 0, 200, 200).data
          const [r0, g0, b0] = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16)) as [number, number, number]
          const seen = new Set<number>()
          let covered = 0
          for (let i = 0; i < data.length; i += 4) {
            const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!]
            seen.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3))
            if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 6) covered++
          }
          resolve({ covered: covered / (data.length / 4), colours: seen.size })
        })
        map.triggerRepaint()
      }),
    background,
  )
}

describe('with BASEMAP_PMTILES set to a real OSM extract', () => {
  let server: TestServer
  let page: Page
  const archiveStatuses: number[] = []
  const consoleErrors: string[] = []

  beforeAll(async () => {
    server = await startTestServer({ BASEMAP_PMTILES: FIRENZE })
  })
  afterAll(async () => {
    await page?.close()
    await server?.close()
  })

  it('adds the basemap beneath the district layers', async () => {
    page = await openWall(server, (p) => {
      p.on('response', (r) => {
        if (new URL(r.url()).pathname === BASEMAP_URL) archiveStatuses.push(r.status())
      })
      p.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text())
      })
    })
    // Bounds keep MapLibre from asking for tiles outside the archive: nothing is read in Chengdu.
    expect(archiveStatuses).toEqual([])
    const style = await page.evaluate(() => window.__gridwatchMap.getStyle())
    expect(Object.keys(style.sources)).toContain(BASEMAP_SOURCE)
    const ids = style.layers.map((l) => l.id)
    const basemapIds = ids.filter((id) => id.startsWith(BASEMAP_LAYER_PREFIX))
    expect(basemapIds.length).toBeGreaterThan(5)
    // Right above the background, every one below the district's first layer.
    expect(ids[0]).toBe(LAYERS.background)
    expect(ids.slice(1, 1 + basemapIds.length)).toEqual(basemapIds)
    expect(Math.max(...basemapIds.map((id) => ids.indexOf(id)))).toBeLessThan(ids.indexOf(LAYERS.districtHalo))
    expect(style.layers.filter((l) => l.id.startsWith(BASEMAP_LAYER_PREFIX)).some((l) => l.type === 'symbol')).toBe(false)
    expect(await page.getByTestId('map-attribution').innerText()).toContain('OpenStreetMap')
  })

  it('reads the archive with Range requests and draws Florence', async () => {
    await page.evaluate(
      (view) =>
        new Promise<void>((resolve) => {
          const map = window.__gridwatchMap
          map.once('idle', () => resolve())
          map.jumpTo(view)
        }),
      FLORENCE,
    )
    const partial = archiveStatuses.filter((s) => s === 206).length
    // The header and root directory, then one range per tile in view.
    expect(partial).toBeGreaterThanOrEqual(4)
    expect(archiveStatuses.every((s) => s === 206 || s === 304)).toBe(true)

    const drawn = await page.evaluate((prefix) => {
      const map = window.__gridwatchMap
      const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith(prefix))
      const bySourceLayer: Record<string, number> = {}
      for (const f of map.queryRenderedFeatures({ layers })) bySourceLayer[f.sourceLayer ?? '?'] = (bySourceLayer[f.sourceLayer ?? '?'] ?? 0) + 1
      return bySourceLayer
    }, BASEMAP_LAYER_PREFIX)
    console.log(`basemap: ${partial} range responses (206); rendered features by tile layer: ${JSON.stringify(drawn)}`)
    for (const layer of ['earth', 'water', 'roads', 'buildings']) expect(drawn[layer] ?? 0).toBeGreaterThan(0)
    expect(Object.values(drawn).reduce((a, b) => a + b, 0)).toBeGreaterThan(200)

    // Earth is the background colour itself; roads, water, parks and buildings are what differ.
    const stats = await canvasStats(page, MAP_BACKGROUND)
    console.log(`basemap canvas: ${(stats.covered * 100).toFixed(1)}% drawn over, ${stats.colours} colours`)
    expect(stats.covered).toBeGreaterThan(0.3)
    expect(stats.colours).toBeGreaterThan(20)
    expect(consoleErrors).toEqual([])
    await page.screenshot({ path: `${ARTIFACTS}/basemap.png` })
  })

  it('keeps to the dark blue of the wall', () => {
    // Land is the wall's background, so an extract's edge never shows; everything else is dark
    // and blue-dominant (parks lean teal, still dark).
    expect(BASEMAP_COLORS.earth).toBe(MAP_BACKGROUND)
    for (const [name, hex] of Object.entries(BASEMAP_COLORS)) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
      expect(b, name).toBeGreaterThanOrEqual(Math.max(r, g))
      expect(r + g + b, name).toBeLessThan(3 * 0x90)
    }
  })
})

describe('without BASEMAP_PMTILES', () => {
  let server: TestServer
  let page: Page
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await page?.close()
    await server?.close()
  })

  it('has no basemap source or layer, and never asks for the archive', async () => {
    const archiveRequests: string[] = []
    page = await openWall(server, (p) =>
      p.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/basemap/')) archiveRequests.push(r.url())
      }),
    )
    const style = await page.evaluate(() => window.__gridwatchMap.getStyle())
    expect(Object.keys(style.sources)).not.toContain(BASEMAP_SOURCE)
    expect(style.layers.filter((l) => l.id.startsWith(BASEMAP_LAYER_PREFIX))).toEqual([])
    expect(await page.getByTestId('map-attribution').count()).toBe(0)
    expect(archiveRequests).toEqual([])
  })
})
