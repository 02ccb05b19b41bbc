/**
 * Where the district comes from: generated once and cached in DATA_DIR, regenerated when the cache
 * is corrupt, and replaced by an imported hierarchy (the real Chenghua outline, GCJ-02) when
 * `DATA_DIR/hierarchy.json` exists, with events then located in the imported tiers.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLocator, importBoundaries, randomPointInPolygon, createRandom } from '../../geo/index.ts'
import { loadConfig } from '../../server/config.ts'
import { buildApp } from '../../server/app.ts'
import { hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

const REAL_OUTLINE = new URL('../../../shared/data/boundaries/chenghua-510108.gcj02.geojson', import.meta.url)

describe('the district hierarchy source', () => {
  let server: TestServer
  let token: string
  const etagOf = async (level: string): Promise<string | null> => {
    const res = await fetch(`${server.url}/api/v1/geo/${level}.geojson`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    return res.headers.get('etag')
  }
  const cacheFiles = (): string[] => readdirSync(join(server.dataDir, 'cache')).filter((n) => n.startsWith('hierarchy-'))

  beforeAll(async () => {
    server = await startTestServer()
    token = await server.login('district')
  })
  afterAll(() => server.close())

  it('generates the district on first boot and caches it in DATA_DIR', async () => {
    expect(server.app.districtOrigin).toBe('generated')
    expect(cacheFiles()).toHaveLength(1)
  })

  it('reads the cache on the next boot and serves the same geometry', async () => {
    const before = await etagOf('microgrid')
    await server.restart()
    expect(server.app.districtOrigin).toBe('cached')
    token = await server.login('district')
    expect(await etagOf('microgrid')).toBe(before)
    expect(server.app.district.microgrids).toHaveLength(6283)
  })

  it('regenerates a corrupt cache instead of failing', async () => {
    const [file] = cacheFiles()
    writeFileSync(join(server.dataDir, 'cache', file as string), '{"district": trunc')
    await server.restart()
    expect(server.app.districtOrigin).toBe('generated')
    expect(JSON.parse(readFileSync(join(server.dataDir, 'cache', file as string), 'utf8')).microgrids).toHaveLength(6283)
  })

  it('uses an imported hierarchy in DATA_DIR/hierarchy.json and locates events in it', async () => {
    const imported = importBoundaries({
      district: JSON.parse(readFileSync(REAL_OUTLINE, 'utf8')),
      crs: 'gcj02',
      seed: 'import-test',
      counts: { communities: 30, grids: 120, microgrids: 400 },
    })
    writeFileSync(join(server.dataDir, 'hierarchy.json'), JSON.stringify(imported))
    await server.restart()
    expect(server.app.districtOrigin).toBe('imported')
    token = await server.login('district')

    const levels = (await (await fetch(`${server.url}/api/v1/geo/levels`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ level: string; count: number }>
    expect(Object.fromEntries(levels.map((l) => [l.level, l.count]))).toEqual({ district: 1, street: 11, community: 30, grid: 120, microgrid: 400 })

    // A point inside one imported micro-grid is stored with that micro-grid's full path.
    const target = imported.microgrids[123]
    if (!target) throw new Error('fixture has too few micro-grids')
    const [lng, lat] = randomPointInPolygon(createRandom('import-point'), target) as [number, number]
    const expected = createLocator(imported).locate(lng, lat)
    expect(expected.path.microgrid).toBe(target.properties.id)
    const res = await server.ingest(hotlineItem('imported-1', lng, lat))
    expect(res.status).toBe(201)
    const { events } = (await res.json()) as { events: Array<{ id: string }> }
    const stored = (await (await fetch(`${server.url}/api/v1/events/${events[0]?.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { path: unknown; outside: boolean }
    expect(stored.outside).toBe(false)
    expect(stored.path).toEqual(expected.path)
  })

  it('refuses to start on an unreadable imported hierarchy, naming the file', async () => {
    const file = join(server.dataDir, 'broken-hierarchy.json')
    writeFileSync(file, JSON.stringify({ district: { type: 'Feature' }, streets: [] }))
    const config = loadConfig({ GRIDWATCH_MODE: 'demo', SIMULATION: 'off', DATA_DIR: server.dataDir, LOG_LEVEL: 'silent', HIERARCHY_FILE: file })
    await expect(buildApp(config, { logger: false })).rejects.toThrow(/broken-hierarchy\.json is not a hierarchy: "streets" is missing or empty/)
  })
})
