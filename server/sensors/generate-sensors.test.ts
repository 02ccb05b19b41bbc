import { describe, expect, it } from 'vitest'
import { createLocator, generateDistrict, generateHierarchy, generateSites } from '../../geo/index.ts'
import { DEMO_SENSOR_COUNTS, generateSensors, largestRemainder } from './generate-sensors.ts'

const SEED = 'chenghua-510108'
const h = generateHierarchy(generateDistrict({ seed: SEED }))
const locator = createLocator(h)
const sites = generateSites(h, { seed: SEED, locator })
const sensors = generateSensors(sites, { seed: SEED, locator })
const compounds = new Map(sites.compounds.map((c) => [c.properties.id, c.properties]))

describe('generateSensors', () => {
  it('makes the demo counts, with unique street-numbered ids, sorted', () => {
    const byType: Record<string, number> = {}
    for (const s of sensors) byType[s.type] = (byType[s.type] ?? 0) + 1
    expect(byType).toEqual({ ...DEMO_SENSOR_COUNTS })
    expect(new Set(sensors.map((s) => s.id)).size).toBe(sensors.length)
    expect(sensors.every((s, i) => i === 0 || sensors[i - 1]!.id < s.id)).toBe(true)
    for (const s of sensors.slice(0, 2000)) {
      expect(s.id).toMatch(/^SEN-\d{9}-\d{5}$/)
      expect(s.id.slice(4, 13)).toBe(s.path.street)
      expect(s.path).toEqual(locator.locate(s.location.lng, s.location.lat).path)
    }
  })

  it('puts most smoke detectors in old compounds, weighted to elderly residents', () => {
    const smoke = sensors.filter((s) => s.type === 'smoke')
    const inOld = smoke.filter((s) => s.buildingId && compounds.get(s.siteId!)?.old)
    expect(inOld.length / smoke.length).toBeGreaterThan(0.8)
    const oldBuildings = sites.buildings.filter((b) => compounds.get(b.properties.compoundId)?.old).length
    expect(inOld.length / oldBuildings).toBeGreaterThan(1.5)
    // Heat sensors are in kitchens and boiler rooms of dedicated grids only.
    expect(sensors.filter((s) => s.type === 'heat').every((s) => !s.buildingId && s.siteId?.includes('D'))).toBe(true)
  })

  it('is deterministic for a seed, and differs for another', () => {
    const again = generateSensors(sites, { seed: SEED, locator, counts: { smoke: 300, gas: 50, electrical: 40, heat: 5 } })
    const twice = generateSensors(sites, { seed: SEED, locator, counts: { smoke: 300, gas: 50, electrical: 40, heat: 5 } })
    expect(JSON.stringify(again)).toBe(JSON.stringify(twice))
    const other = generateSensors(sites, { seed: 'other', locator, counts: { smoke: 300, gas: 50, electrical: 40, heat: 5 } })
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(again))
    expect(again).toHaveLength(395)
  })

  it('refuses bad counts', () => {
    expect(() => generateSensors(sites, { seed: SEED, locator, counts: { smoke: -1 } })).toThrow(/counts.smoke/)
  })
})

describe('largestRemainder', () => {
  it('shares a total in proportion, exactly, zero weights getting nothing', () => {
    expect(largestRemainder([1, 1, 2], 8)).toEqual([2, 2, 4])
    expect(largestRemainder([1, 0, 1], 3)).toEqual([2, 0, 1])
    expect(largestRemainder([0, 0], 5)).toEqual([0, 0])
  })
})
