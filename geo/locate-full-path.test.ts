import { booleanPointInPolygon } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { createLocator } from './locate-point.ts'
import { createRandom } from './seeded-random.ts'
import { generateDistrict } from './generate-district.ts'
import { generateHierarchy } from './generate-hierarchy.ts'
import { polygonBbox } from './polygon-bbox.ts'

const full = generateHierarchy(generateDistrict({ seed: 'gridwatch' }))
const locator = createLocator(full)

describe('createLocator over the full hierarchy', () => {
  it('agrees with a brute-force loop over all 6,283 micro-grids and fills every tier', () => {
    const rng = createRandom('locate-full')
    const [minX, minY, maxX, maxY] = polygonBbox(full.district.geometry)
    let inside = 0
    for (let n = 0; n < 1500; n++) {
      const p = [rng.range(minX, maxX), rng.range(minY, maxY)]
      const { path, outside } = locator.locate(p[0]!, p[1]!)
      const hit = full.microgrids.find((m) => booleanPointInPolygon(p, m))
      if (!hit) {
        expect(outside).toBe(true)
        continue
      }
      inside++
      expect(path.microgrid).toBe(hit.properties.id)
      expect(path).toEqual({
        district: '510108',
        street: hit.properties.id.slice(0, 9),
        community: hit.properties.id.slice(0, 12),
        grid: hit.properties.id.slice(0, 15),
        microgrid: hit.properties.id,
      })
    }
    expect(inside).toBeGreaterThan(800)
  })

  it('hands out a fresh path object per call', () => {
    const a = locator.locate(104.1, 30.67)
    const b = locator.locate(104.1, 30.67)
    expect(a.path).toEqual(b.path)
    expect(a.path).not.toBe(b.path)
  })
})
