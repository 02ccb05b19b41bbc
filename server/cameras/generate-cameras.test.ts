import { describe, expect, it } from 'vitest'
import { createLocator, generateDistrict, generateHierarchy, generateSites, pointInPolygon } from '../../geo/index.ts'
import { camerasForDistrict } from './cameras-for-district.ts'
import { DEFAULT_CAMERA_COUNT, generateCameras } from './generate-cameras.ts'

/** The server's default seed (GRIDWATCH_SEED). */
const SEED = 'chenghua-510108'
const SLOW_MS = 60_000

const h = generateHierarchy(generateDistrict({ seed: SEED }))
const locator = createLocator(h)
const sites = generateSites(h, { seed: SEED, locator })
const cameras = generateCameras(h, sites, { seed: SEED, locator })

describe('generateCameras', () => {
  it('places 1,200 cameras at parks, schools, markets, compound gates and streets', () => {
    expect(cameras).toHaveLength(DEFAULT_CAMERA_COUNT)
    const kinds: Record<string, number> = {}
    for (const c of cameras) kinds[c.siteKind] = (kinds[c.siteKind] ?? 0) + 1
    expect(Object.keys(kinds).sort()).toEqual(['compound_gate', 'market', 'park', 'school', 'street'])
    // Parks get 2–4 gates each and half a camera inside; every school its gate; every market an entrance.
    const dedicated = (kind: string) => sites.dedicated.filter((d) => d.properties.kind === kind).length
    expect(kinds.park).toBeGreaterThanOrEqual(2 * dedicated('park'))
    expect(kinds.school).toBeGreaterThanOrEqual(dedicated('school'))
    expect(kinds.market).toBeGreaterThanOrEqual(dedicated('market'))
    expect(kinds.street).toBeGreaterThanOrEqual(2 * h.streets.length)
  })

  it('numbers ids within each street and names every camera uniquely, in Chinese', () => {
    expect(new Set(cameras.map((c) => c.id)).size).toBe(cameras.length)
    expect(new Set(cameras.map((c) => c.name)).size).toBe(cameras.length)
    const next = new Map<string, number>()
    for (const c of cameras) {
      const [, street, n] = /^CAM-(\d{9})-(\d{4})$/.exec(c.id) ?? []
      expect(street).toBeDefined()
      expect(Number(n)).toBe((next.get(street!) ?? 0) + 1)
      next.set(street!, Number(n))
      expect(c.name).toMatch(/^[\u4e00-\u9fff0-9（）]+$/)
    }
    expect(cameras.find((c) => c.siteKind === 'park')!.name).toMatch(/公园/)
  })

  it('locates each camera in its own street, and each gate camera inside its site', () => {
    const site = new Map([...sites.dedicated, ...sites.compounds].map((s) => [s.properties.id, s]))
    for (const c of cameras) {
      expect(c.path).toEqual(locator.locate(c.location.lng, c.location.lat).path)
      expect(c.path.street).toBe(c.id.slice(4, 13))
      if (c.siteId === undefined) continue
      expect(pointInPolygon(c.location.lng, c.location.lat, site.get(c.siteId)!.geometry)).toBe(true)
    }
  })

  it('is deterministic, and the simulation regenerates the same registry from a streets-only district', () => {
    expect(JSON.stringify(generateCameras(h, sites, { seed: SEED }))).toBe(JSON.stringify(cameras))
    expect(generateCameras(h, sites, { seed: 'another-seed' }).map((c) => c.name)).not.toEqual(cameras.map((c) => c.name))
    expect(JSON.stringify(camerasForDistrict(generateDistrict({ seed: SEED }), SEED))).toBe(JSON.stringify(cameras))
  }, SLOW_MS)

  it('honours a smaller count with at least two street cameras per street', () => {
    const few = generateCameras(h, sites, { seed: SEED, count: 10, locator })
    expect(few.filter((c) => c.siteKind === 'street')).toHaveLength(2 * h.streets.length)
    expect(() => generateCameras(h, sites, { seed: '' })).toThrow(/seed/)
  })
})
