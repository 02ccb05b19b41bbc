import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { area, booleanClockwise, centroid, difference, featureCollection, intersect, kinks } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { CHENGHUA } from './chenghua-profile.ts'
import { generateDistrict } from './generate-district.ts'

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'test', 'out', 'district-gridwatch.geojson')

/**
 * Numeric noise allowed for an overlap, overhang or gap, in m². The generator shares vertices exactly, so
 * all three measure 0; without that care, rounding leaves slivers of 0.1–1 m², which this catches.
 */
const NOISE_M2 = 0.01

const polygonsOf = (f: Feature<Polygon | MultiPolygon>): Position[][][] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates

describe.each(['gridwatch', 'chenghua-2', 7])('generateDistrict({ seed: %s })', (seed) => {
  const h = generateDistrict({ seed })

  it('names the district and its 11 streets after the real ones, in order', () => {
    expect(h.seed).toBe(String(seed))
    expect(h.district.id).toBe('510108')
    expect(h.district.properties).toEqual({ id: '510108', name: '成华区', level: 'district', parentId: null })
    expect(h.streets).toHaveLength(11)
    expect(h.streets.map((s) => s.properties.id)).toEqual(
      Array.from({ length: 11 }, (_, i) => `510108${String(i + 1).padStart(3, '0')}`),
    )
    expect(h.streets.map((s) => s.properties.name)).toEqual([
      '猛追湾街道', '双桥子街道', '府青路街道', '二仙桥街道', '跳蹬河街道', '建设路街道',
      '圣灯街道', '保和街道', '青龙街道', '龙潭街道', '白莲池街道',
    ])
    for (const s of h.streets) {
      expect(s.id).toBe(s.properties.id)
      expect(s.properties.level).toBe('street')
      expect(s.properties.parentId).toBe('510108')
    }
  })

  it('has an outline of about 110 km², near the real centre', () => {
    expect(Math.abs(area(h.district) / CHENGHUA.areaM2 - 1)).toBeLessThan(0.01)
    const [lng, lat] = centroid(h.district).geometry.coordinates as [number, number]
    expect(Math.abs(lng - 104.1)).toBeLessThan(0.03)
    expect(Math.abs(lat - 30.67)).toBeLessThan(0.03)
  })

  it('has an irregular, simple outline: neither a circle nor a box, no self-intersection', () => {
    expect(kinks(h.district).features).toHaveLength(0)
    const ring = h.district.geometry.coordinates[0] as Position[]
    expect(ring.length).toBeGreaterThan(100)
    const [cx, cy] = centroid(h.district).geometry.coordinates as [number, number]
    const k = Math.cos((cy * Math.PI) / 180)
    const radii = ring.map(([x, y]) => Math.hypot(((x as number) - cx) * k, (y as number) - cy))
    expect(Math.max(...radii) / Math.min(...radii)).toBeGreaterThan(1.2)
  })

  it('tiles the district: street areas sum to its area within 0.01%', () => {
    const sum = h.streets.reduce((total, s) => total + area(s), 0)
    expect(Math.abs(sum / area(h.district) - 1)).toBeLessThan(1e-4)
  })

  it('tiles the district: no gap is left between the streets and the outline', () => {
    let rest: Feature<Polygon | MultiPolygon> | null = h.district
    for (const s of h.streets) rest = rest === null ? null : difference(featureCollection([rest, s]))
    expect(rest === null ? 0 : area(rest)).toBeLessThan(NOISE_M2)
  })

  it('tiles the district: no two streets overlap', () => {
    for (let i = 0; i < h.streets.length; i++) {
      for (let j = i + 1; j < h.streets.length; j++) {
        const overlap = intersect(featureCollection([h.streets[i]!, h.streets[j]!]))
        expect(overlap === null ? 0 : area(overlap), `streets ${i} and ${j}`).toBeLessThan(NOISE_M2)
      }
    }
  })

  it('tiles the district: every street lies inside it, with no self-intersection', () => {
    for (const s of h.streets) {
      const overhang = difference(featureCollection([s, h.district]))
      expect(overhang === null ? 0 : area(overhang), s.properties.id).toBeLessThan(NOISE_M2)
      expect(kinks(s).features, s.properties.id).toHaveLength(0)
      expect(area(s), s.properties.id).toBeGreaterThan(1e6)
    }
  })

  it('winds exterior rings counter-clockwise (RFC 7946) and rounds to 7 decimals', () => {
    const features = [h.district, ...h.streets]
    for (const f of features) {
      for (const rings of polygonsOf(f)) {
        expect(booleanClockwise(rings[0] as Position[])).toBe(false)
        for (const ring of rings) {
          for (const [x, y] of ring) {
            expect(Math.round((x as number) * 1e7) / 1e7).toBe(x)
            expect(Math.round((y as number) * 1e7) / 1e7).toBe(y)
          }
        }
      }
    }
  })

  it('numbers streets from the south-west (the city-centre side) towards the north-east', () => {
    const key = (f: Feature<Polygon | MultiPolygon>): number => {
      const [x, y] = centroid(f).geometry.coordinates as [number, number]
      return (x - 104.1) * Math.cos((30.67 * Math.PI) / 180) + (y - 30.67)
    }
    expect(key(h.streets[0]!)).toBeLessThan(key(h.streets[5]!))
    expect(key(h.streets[5]!)).toBeLessThan(key(h.streets[10]!))
  })

  it('is deterministic: the same seed gives byte-identical JSON', () => {
    expect(JSON.stringify(generateDistrict({ seed }))).toBe(JSON.stringify(h))
  })
})

describe('generateDistrict', () => {
  it('gives a different city for a different seed', () => {
    const a = generateDistrict({ seed: 'a' })
    const b = generateDistrict({ seed: 'b' })
    expect(JSON.stringify(a.district.geometry)).not.toBe(JSON.stringify(b.district.geometry))
    expect(JSON.stringify(a.streets[0]!.geometry)).not.toBe(JSON.stringify(b.streets[0]!.geometry))
  })

  it('treats a number seed as its string form', () => {
    expect(JSON.stringify(generateDistrict({ seed: 42 }))).toBe(JSON.stringify(generateDistrict({ seed: '42' })))
  })

  // The default city must not drift: stored events keep the street ids this geometry assigned them.
  // After an intended change, regenerate with REGEN=1 and review the diff.
  it('matches the golden file for the default seed', () => {
    const h = generateDistrict({ seed: 'gridwatch' })
    const actual = `{"type":"FeatureCollection","features":[\n${[h.district, ...h.streets].map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
    if (process.env.REGEN === '1') {
      mkdirSync(dirname(GOLDEN), { recursive: true })
      writeFileSync(GOLDEN, actual)
    } else if (!existsSync(GOLDEN)) {
      throw new Error(`golden file missing: run with REGEN=1 to create ${GOLDEN}`)
    }
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'))
  })

  it('rejects a bad seed with a precise message', () => {
    expect(() => generateDistrict({ seed: '' })).toThrow('seed must be a non-empty string or a finite number')
    expect(() => generateDistrict({ seed: Number.POSITIVE_INFINITY })).toThrow(
      'seed must be a non-empty string or a finite number',
    )
  })
})
