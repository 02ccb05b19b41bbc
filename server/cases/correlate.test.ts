import { describe, expect, it } from 'vitest'
import { OpenCaseIndex, categoryKey, compatibilityOf, defaultCompatibility, eventPlace, type OpenCaseRef } from './correlate.ts'
import { offset, storedEvent } from './test-events.ts'

const T0 = Date.parse('2026-05-22T10:00:00Z')
const HERE = { lng: 104.1, lat: 30.66 }
const MIN = 60_000

const ref = (over: Partial<OpenCaseRef> = {}): OpenCaseRef => ({
  id: 'C1', key: 'sensor:smoke', location: HERE, microgrid: 'MG1', buildingId: 'B1', lastEventMs: T0, ...over,
})

const index = () => new OpenCaseIndex({ windowMs: 15 * MIN, radiusM: 150 })
const place = (over: Parameters<typeof storedEvent>[0] = {}) => eventPlace(storedEvent({ path: { district: 'D', street: 'S', community: 'C', grid: 'G', microgrid: 'MG9' }, ...over }))

describe('category compatibility', () => {
  it('joins smoke, heat and electrical sensors with fire-like calls and fire hazards; dogs with dog codes', () => {
    expect(defaultCompatibility('sensor:smoke', 'hotline:cooking_fumes')).toBe(true)
    expect(defaultCompatibility('sensor:heat', 'incident:fire_hazard')).toBe(true)
    expect(defaultCompatibility('sensor:electrical', 'hotline:power_supply')).toBe(true)
    expect(defaultCompatibility('detection:dog_unleashed', 'hotline:dog_keeping')).toBe(true)
    expect(defaultCompatibility('detection:stray_dog', 'hotline:stray_animals')).toBe(true)
    expect(defaultCompatibility('hotline:noise', 'hotline:noise')).toBe(true)
    expect(defaultCompatibility('sensor:smoke', 'hotline:dog_keeping')).toBe(false)
    expect(defaultCompatibility('hotline:noise', 'hotline:elevator_fault')).toBe(false)
  })

  it('builds from any family table', () => {
    const c = compatibilityOf({ a: ['x:1', 'x:2'] })
    expect(c('x:1', 'x:2')).toBe(true)
    expect(c('x:1', 'x:3')).toBe(false)
    expect(categoryKey('sensor', 'smoke')).toBe('sensor:smoke')
  })
})

describe('open-case index', () => {

  it('matches the same building, the same micro-grid, or within the radius', () => {
    const idx = index()
    idx.add(ref())
    const at = new Date(T0 + 5 * MIN).toISOString()
    // Far away, but the same building (a sensor elsewhere in it).
    expect(idx.find(place({ source: 'sensor', category: 'heat', occurredAt: at, location: offset(HERE, 900, 0), attrs: { buildingId: 'B1' } }))?.id).toBe('C1')
    // Far away, the same micro-grid.
    expect(idx.find(place({ source: 'hotline', category: 'cooking_fumes', occurredAt: at, location: offset(HERE, 900, 0), path: { district: 'D', street: 'S', community: 'C', grid: 'G', microgrid: 'MG1' } }))?.id).toBe('C1')
    // Another micro-grid, 120 m away.
    expect(idx.find(place({ source: 'hotline', category: 'cooking_fumes', occurredAt: at, location: offset(HERE, 80, 90) }))?.id).toBe('C1')
    // Another micro-grid, 400 m away.
    expect(idx.find(place({ source: 'hotline', category: 'cooking_fumes', occurredAt: at, location: offset(HERE, 400, 0) }))).toBeUndefined()
  })

  it('needs the time window and a compatible category', () => {
    const idx = index()
    idx.add(ref())
    const near = offset(HERE, 20, 20)
    expect(idx.find(place({ category: 'cooking_fumes', occurredAt: new Date(T0 + 16 * MIN).toISOString(), location: near }))).toBeUndefined()
    expect(idx.find(place({ category: 'cooking_fumes', occurredAt: new Date(T0 - 14 * MIN).toISOString(), location: near }))?.id).toBe('C1')
    expect(idx.find(place({ category: 'dog_keeping', occurredAt: new Date(T0).toISOString(), location: near }))).toBeUndefined()
    // A later event moves the window on.
    idx.touch('C1', T0 + 10 * MIN)
    expect(idx.find(place({ category: 'cooking_fumes', occurredAt: new Date(T0 + 24 * MIN).toISOString(), location: near }))?.id).toBe('C1')
  })

  it('ignores cases that went quiet long ago in the same place, and forgets a touched case once removed', () => {
    const idx = index()
    for (let h = 1; h <= 48; h++) idx.add(ref({ id: `old${h}`, lastEventMs: T0 - h * 60 * MIN }))
    idx.add(ref({ id: 'recent', lastEventMs: T0 - 20 * MIN }))
    const e = place({ category: 'cooking_fumes', occurredAt: new Date(T0).toISOString(), location: HERE })
    expect(idx.find(e)).toBeUndefined()
    // Touched into the current window, across a bucket boundary: found; removed after that: gone everywhere.
    idx.touch('recent', T0 - 2 * MIN)
    expect(idx.find(e)?.id).toBe('recent')
    idx.remove('recent')
    expect(idx.find(e)).toBeUndefined()
    expect(idx.find({ ...e, atMs: T0 - 20 * MIN })).toBeUndefined()
    expect(idx.size).toBe(48)
  })

  it('prefers the same building, then the nearest; removed cases are gone', () => {
    const idx = index()
    idx.add(ref({ id: 'far', buildingId: null, location: offset(HERE, 100, 0) }))
    idx.add(ref({ id: 'near', buildingId: null, location: offset(HERE, 10, 0) }))
    const e = place({ category: 'cooking_fumes', occurredAt: new Date(T0).toISOString(), location: HERE })
    expect(idx.find(e)?.id).toBe('near')
    idx.add(ref({ id: 'building', buildingId: 'B7', location: offset(HERE, 140, 0) }))
    expect(idx.find({ ...e, buildingId: 'B7' })?.id).toBe('building')
    idx.remove('near')
    idx.remove('building')
    expect(idx.find(e)?.id).toBe('far')
    expect(idx.size).toBe(1)
  })

  it('finds the open case among 10,000 by place, time and category', () => {
    const idx = index()
    for (let i = 0; i < 10_000; i++) {
      idx.add(ref({ id: `C${i}`, buildingId: `B${i}`, microgrid: `MG${i % 2000}`, location: offset(HERE, (i % 100) * 60, Math.floor(i / 100) * 60), lastEventMs: T0 }))
    }
    const events = Array.from({ length: 20_000 }, (_, i) => place({
      category: 'cooking_fumes', occurredAt: new Date(T0).toISOString(), location: offset(HERE, (i * 37) % 6000, (i * 53) % 6000),
    }))
    let found = 0
    for (const e of events) if (idx.find(e)) found++
    expect(found).toBeGreaterThan(10_000)
  })
})

describe('open-case index against a scan of every case', () => {
  it('finds the case a scan finds, for points in every direction up to twice the radius', () => {
    // Seeded, so a failure repeats; cases strewn over a 6 km square, events near them in every direction.
    let seed = 7
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const idx = index()
    const refs: OpenCaseRef[] = []
    for (let i = 0; i < 3000; i++) {
      const r = ref({ id: `C${i}`, buildingId: null, microgrid: null, location: offset(HERE, rnd() * 6000, rnd() * 6000), lastEventMs: T0 })
      refs.push(r)
      idx.add(r)
    }
    const metres = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) => {
      const dx = (a.lng - b.lng) * 111_320 * Math.cos((b.lat * Math.PI) / 180)
      const dy = (a.lat - b.lat) * 111_320
      return Math.hypot(dx, dy)
    }
    let joined = 0
    for (let k = 0; k < 5000; k++) {
      const near = refs[Math.floor(rnd() * refs.length)]!.location
      const angle = rnd() * 2 * Math.PI
      const d = rnd() * 300
      const e = place({ category: 'cooking_fumes', occurredAt: new Date(T0).toISOString(), location: offset(near, d * Math.cos(angle), d * Math.sin(angle)) })
      const scan = refs
        .map((r) => ({ r, m: metres(r.location, e.location) }))
        .filter((x) => x.m <= 150)
        .sort((a, b) => a.m - b.m)[0]?.r
      expect(idx.find(e)?.id).toBe(scan?.id)
      if (scan) joined++
    }
    expect(joined).toBeGreaterThan(2000)
  })
})

describe('open-case index, kinds and ties', () => {
  it('passes over open cases of other kinds in a busy place, and breaks a full tie by the earlier case', () => {
    const idx = new OpenCaseIndex({ windowMs: 15 * MIN, radiusM: 150 })
    // A park: hundreds of open cases in one micro-grid, none of a kind a noise call may join.
    for (let i = 0; i < 300; i++) idx.add(ref({ id: `C-${String(i).padStart(7, '0')}`, key: i % 2 ? 'detection:stray_dog' : 'hotline:road_damage', buildingId: null }))
    const e = eventPlace(storedEvent({ category: 'noise', occurredAt: new Date(T0).toISOString(), location: HERE, path: { district: 'D', street: 'S', community: 'C', grid: 'G', microgrid: 'MG1' } }))
    expect(idx.find(e)).toBeUndefined()
    // Two noise cases alike in every way the ranking looks at: the earlier opened wins, whatever the order they were filed in.
    idx.add(ref({ id: 'C-0010000', key: 'hotline:noise', buildingId: null }))
    idx.add(ref({ id: 'C-0000999', key: 'hotline:noise', buildingId: null }))
    expect(idx.find(e)?.id).toBe('C-0000999')
    idx.remove('C-0000999')
    expect(idx.find(e)?.id).toBe('C-0010000')
  })
})
