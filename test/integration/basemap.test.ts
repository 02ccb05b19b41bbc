/**
 * The offline basemap against the real app: the archive served with byte ranges, its metadata
 * behind a user token, and what happens with no basemap or an unreadable one.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASEMAP_URL, type BasemapInfo } from '../../domain/basemap.ts'
import { buildApp } from '../../server/app.ts'
import { ConfigError, loadConfig } from '../../server/config.ts'
import { startTestServer, type TestServer } from '../helpers/build-app.ts'

const FIRENZE = fileURLToPath(new URL('../../../shared/data/basemap/firenze.pmtiles', import.meta.url))
const bytes = readFileSync(FIRENZE)
const size = statSync(FIRENZE).size

describe('with BASEMAP_PMTILES set', () => {
  let server: TestServer
  let token: string
  beforeAll(async () => {
    server = await startTestServer({ BASEMAP_PMTILES: FIRENZE })
    token = await server.login('wall')
  })
  afterAll(() => server?.close())

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers })

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const res = await get(BASEMAP_URL, { range: 'bytes=0-126' })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 0-126/${size}`)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('etag')).toBeTruthy()
    expect(res.headers.get('content-encoding')).toBeNull()
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.equals(bytes.subarray(0, 127))).toBe(true)
    expect(body.subarray(0, 7).toString('latin1')).toBe('PMTiles')
  })

  it('serves a range deep in the tile data, as a tile read does', async () => {
    const start = 1_234_567
    const res = await get(BASEMAP_URL, { range: `bytes=${start}-${start + 9999}`, 'accept-encoding': 'gzip, br' })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${start + 9999}/${size}`)
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(start, start + 10_000))).toBe(true)
  })

  it('refuses a range beyond the end with 416', async () => {
    const res = await get(BASEMAP_URL, { range: `bytes=${size + 10}-${size + 100}` })
    expect(res.status).toBe(416)
    expect(res.headers.get('content-range')).toBe(`bytes */${size}`)
  })

  it('serves the whole file without a Range, and revalidates with its ETag', async () => {
    const res = await get(BASEMAP_URL)
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('content-length'))).toBe(size)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    await res.arrayBuffer()
    // fetch would add `cache-control: no-cache` to a conditional request, which forces a full reply.
    const again = await get(BASEMAP_URL, { 'if-none-match': res.headers.get('etag')!, 'cache-control': 'max-age=0' })
    expect(again.status).toBe(304)
  })

  it('is public: no token is needed for the archive', async () => {
    const res = await fetch(`${server.url}${BASEMAP_URL}`, { method: 'HEAD' })
    expect(res.status).toBe(200)
  })

  it('reports the archive from its header and metadata, to signed-in users only', async () => {
    expect((await get('/api/v1/basemap')).status).toBe(401)
    const res = await get('/api/v1/basemap', { authorization: `Bearer ${token}` })
    expect(res.status).toBe(200)
    const info = (await res.json()) as BasemapInfo
    expect(info).toMatchObject({ available: true, url: BASEMAP_URL, minzoom: 0, maxzoom: 14 })
    const [west, south, east, north] = info.bounds!
    expect(west).toBeCloseTo(11.154, 2)
    expect(south).toBeCloseTo(43.727, 2)
    expect(east).toBeCloseTo(11.329, 2)
    expect(north).toBeCloseTo(43.833, 2)
    expect(info.center![0]).toBeCloseTo(11.24, 1)
    expect(info.vectorLayers).toEqual(expect.arrayContaining(['earth', 'water', 'roads', 'buildings', 'boundaries']))
    expect(info.attribution).toContain('OpenStreetMap')
    expect(info.attribution).not.toMatch(/[<>]/)
  })
})

describe('without BASEMAP_PMTILES', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server?.close())

  it('says no basemap is available, and the archive URL is a 404', async () => {
    const token = await server.login('wall')
    const info = await (await fetch(`${server.url}/api/v1/basemap`, { headers: { authorization: `Bearer ${token}` } })).json()
    expect(info).toEqual({ available: false })
    // Even a browser asking for HTML gets a 404 here, not the web app's index page.
    for (const accept of ['*/*', 'text/html']) {
      const res = await fetch(`${server.url}${BASEMAP_URL}`, { headers: { accept, range: 'bytes=0-126' } })
      expect(res.status).toBe(404)
      expect(((await res.json()) as { message: string }).message).toMatch(/BASEMAP_PMTILES/)
    }
  })
})

describe('an unusable BASEMAP_PMTILES stops the start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-basemap-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const env = (path: string) => ({ GRIDWATCH_MODE: 'demo', SIMULATION: 'off', DATA_DIR: dir, LOG_LEVEL: 'silent', BASEMAP_PMTILES: path })

  it('refuses a path that does not exist, naming the variable', () => {
    expect(() => loadConfig(env(join(dir, 'nowhere.pmtiles')))).toThrow(ConfigError)
    expect(() => loadConfig(env(join(dir, 'nowhere.pmtiles')))).toThrow(/^BASEMAP_PMTILES=".*nowhere\.pmtiles": the file does not exist$/)
  })

  it('refuses a file that is not a PMTiles v3 archive', () => {
    const notPmtiles = join(dir, 'not.pmtiles')
    writeFileSync(notPmtiles, '{"type":"FeatureCollection","features":[]}')
    expect(() => loadConfig(env(notPmtiles))).toThrow(/BASEMAP_PMTILES=.*is not a PMTiles archive/)
    const v2 = join(dir, 'v2.pmtiles')
    writeFileSync(v2, Buffer.concat([Buffer.from('PMTiles'), Buffer.from([2]), Buffer.alloc(200)]))
    expect(() => loadConfig(env(v2))).toThrow(/BASEMAP_PMTILES=.*version 2; only version 3/)
    const truncated = join(dir, 'truncated.pmtiles')
    writeFileSync(truncated, bytes.subarray(0, 50_000))
    expect(() => loadConfig(env(truncated))).toThrow(/BASEMAP_PMTILES=.*is truncated/)
    expect(() => loadConfig(env(dir))).toThrow(/BASEMAP_PMTILES=.*is not a file/)
  })

  it('refuses, at boot, an archive whose metadata cannot be read', async () => {
    // A valid header in front of a metadata section of zeros: the header check passes, the gzip fails.
    const corrupt = Buffer.from(bytes)
    corrupt.fill(0, 533, 533 + 575)
    const file = join(dir, 'corrupt.pmtiles')
    writeFileSync(file, corrupt)
    const config = loadConfig(env(file))
    await expect(buildApp(config, { logger: false })).rejects.toThrow(/BASEMAP_PMTILES=.*cannot be read/)
  })
})
