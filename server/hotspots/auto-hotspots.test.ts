import { describe, expect, it } from 'vitest'
import type { Path } from '../../domain/event.ts'
import { createAutoHotspotFinder, DEFAULT_AUTO_HOTSPOT_SETTINGS, MAX_ACTIVE, type Community } from './auto-hotspots.ts'
import type { Report } from './report-window.ts'

const HOUR = 3_600_000
const path = (community: string): Path => ({ district: 'd', street: 's1', community, grid: null, microgrid: null })
const communities = new Map<string, Community>(['c1', 'c2', 'c3', 'c4'].map((id) => [id, { id, name: `${id}社区`, location: { lng: 104, lat: 30.6 }, path: path(id) }]))
const settings = { ...DEFAULT_AUTO_HOTSPOT_SETTINGS, windowMs: 24 * HOUR, districtAreaM2: 100e6 }

let n = 0
/** A noise call in a community, `metres` east of a fixed point, at `atMs`. */
const call = (community: string, atMs: number, metres = 0): Report => ({
  id: `e${++n}`, source: 'hotline', category: 'noise', key: 'hotline:noise', atMs,
  lng: 104 + metres / 96_000, lat: 30.6, path: { ...path(community), grid: `${community}g`, microgrid: `${community}m` },
})

describe('automatic hotspots', () => {
  it('finds a community well above its own baseline, and not one at its usual level', () => {
    const finder = createAutoHotspotFinder({
      communities, settings, caseOf: () => null,
      baseline: { dailyMean: (c) => (c === 'c1' ? 1 : c === 'c2' ? 4 : undefined) },
    })
    // Spread out (1 km apart), so no cluster: c1 has 6 against 1 a day; c2 has 6 against 4 a day.
    const reports = [...Array.from({ length: 6 }, (_, i) => call('c1', i * HOUR, i * 1000)), ...Array.from({ length: 6 }, (_, i) => call('c2', i * HOUR, i * 1000))]
    const raised = finder.refresh(new Map([['hotline:noise', reports]]), 10 * HOUR)
    expect(raised).toHaveLength(1)
    expect(raised[0]).toMatchObject({ type: 'frequency', id: 'HF-c1-hotline:noise', areaName: 'c1社区', count: 6, expected: 1, baseline: 'own', caseId: null })
  })

  it('compares a community without history with the rest of the district, per community', () => {
    const finder = createAutoHotspotFinder({ communities, settings, caseOf: () => 'C-0000009', baseline: { dailyMean: () => undefined } })
    // c3: 8 calls against (3 + 3) / 3 = 2 per other community: hot at 3 × 2 + 2 = 8. c1 and c2: 3 each, too few.
    const reports = [
      ...Array.from({ length: 8 }, (_, i) => call('c3', i * HOUR, i * 1000)),
      ...Array.from({ length: 3 }, (_, i) => call('c1', i * HOUR, i * 1000)),
      ...Array.from({ length: 3 }, (_, i) => call('c2', i * HOUR, i * 1000)),
    ]
    const raised = finder.refresh(new Map([['hotline:noise', reports]]), 9 * HOUR)
    expect(raised).toEqual([expect.objectContaining({ type: 'frequency', areaId: 'c3', baseline: 'district', expected: 2, caseId: 'C-0000009' })])
    const fewer = reports.filter((r, i) => r.path.community !== 'c3' || i > 0)
    expect(createAutoHotspotFinder({ communities, settings, caseOf: () => null, baseline: { dailyMean: () => undefined } }).refresh(new Map([['hotline:noise', fewer]]), 9 * HOUR)).toEqual([])
  })

  it('finds a dense cluster, keeps its id and first finding as it grows and its first report leaves, and forgets it when it thins out', () => {
    const finder = createAutoHotspotFinder({ communities, settings, caseOf: () => null, baseline: { dailyMean: () => 100 } })
    const first = Array.from({ length: 5 }, (_, i) => call('c4', i * HOUR, i * 20))
    const [h] = finder.refresh(new Map([['hotline:noise', first]]), 5 * HOUR)
    expect(h).toMatchObject({ type: 'cluster', id: `HC-hotline:noise-${first[0]!.id}`, count: 5 })
    expect((h as { radiusM: number }).radiusM).toBeGreaterThan(30)
    expect((h as { radiusM: number }).radiusM).toBeLessThan(60)
    finder.setCase(h!.id, 'C-0000001')

    const later = [...first.slice(1), call('c4', 6 * HOUR, 10), call('c4', 7 * HOUR, 30)]
    expect(finder.refresh(new Map([['hotline:noise', later]]), 7 * HOUR)).toEqual([])
    expect(finder.active()).toEqual([expect.objectContaining({ id: h!.id, count: 6, detectedAt: h!.detectedAt, caseId: 'C-0000001' })])

    expect(finder.refresh(new Map([['hotline:noise', later.slice(0, 3)]]), 8 * HOUR)).toEqual([])
    expect(finder.active()).toEqual([])
  })

  it('lists a street’s hotspots only', () => {
    const finder = createAutoHotspotFinder({ communities, settings, caseOf: () => null, baseline: { dailyMean: () => undefined } })
    finder.refresh(new Map([['hotline:noise', Array.from({ length: 5 }, (_, i) => call('c1', i, i * 1000))]]), 10)
    expect(finder.active('s1')).toHaveLength(1)
    expect(finder.active('s2')).toEqual([])
  })
})

describe('automatic hotspots where a category is common', () => {
  it('asks more of a cluster the more the category is spread over the district, and leaves out the community a cluster explains', () => {
    const finder = createAutoHotspotFinder({ communities, settings: { ...settings, districtAreaM2: 1e6 }, caseOf: () => null, baseline: { dailyMean: () => undefined } })
    // 60 calls over a 1 km² district: an even spread puts 3 in a 225 m block, so a cluster needs 9 (11 of 70).
    const spread = Array.from({ length: 54 }, (_, i) => call(`c${(i % 3) + 1}`, i, 2000 + i * 300))
    const block = Array.from({ length: 8 }, (_, i) => call('c4', i, i * 10))
    expect(finder.refresh(new Map([['hotline:noise', [...spread, ...block]]]), 100).filter((h) => h.type === 'cluster')).toEqual([])
    const busier = Array.from({ length: 12 }, (_, i) => call('c4', i, i * 5))
    const found = finder.refresh(new Map([['hotline:noise', [...spread, ...busier]]]), 100)
    expect(found.map((h) => h.type)).toEqual(['cluster'])
  })

  it('reports a community whose calls are mostly one cluster as the cluster alone', () => {
    const finder = createAutoHotspotFinder({ communities, settings, caseOf: () => null, baseline: { dailyMean: () => undefined } })
    const block = Array.from({ length: 8 }, (_, i) => call('c2', i, i * 10))
    const elsewhere = [call('c2', 9, 3000), call('c2', 10, 6000)]
    expect(finder.refresh(new Map([['hotline:noise', [...block, ...elsewhere]]]), 100).map((h) => h.type)).toEqual(['cluster'])
    // Spread over the community instead, the same calls are a frequency hotspot.
    const spread = Array.from({ length: 10 }, (_, i) => call('c2', i, i * 1000))
    expect(finder.refresh(new Map([['hotline:noise', spread]]), 100).map((h) => h.type)).toEqual(['frequency'])
  })
})

describe('automatic hotspots, at most MAX_ACTIVE', () => {
  it('keeps the strongest, and every one already sent', () => {
    const many = new Map<string, Community>(Array.from({ length: 80 }, (_, i) => [`k${i}`, { id: `k${i}`, name: `k${i}`, location: { lng: 104, lat: 30.6 }, path: path(`k${i}`) }]))
    const sent = 'HF-k0-hotline:noise'
    const finder = createAutoHotspotFinder({ communities: many, settings, caseOf: (id) => (id === sent ? 'C-0000001' : null), baseline: { dailyMean: () => 0 } })
    // Community k<i> gets 5 + i calls, spread 1 km apart: all are hot (expected 0), k0 the weakest.
    const reports = [...many.keys()].flatMap((c, i) => Array.from({ length: 5 + i }, (_, j) => call(c, j, j * 1000)))
    const raised = finder.refresh(new Map([['hotline:noise', reports]]), 100)
    expect(raised).toHaveLength(MAX_ACTIVE)
    const ids = new Set(finder.active().map((h) => h.id))
    expect(ids.has(sent)).toBe(true)
    expect(ids.has('HF-k79-hotline:noise')).toBe(true)
    expect(ids.has('HF-k1-hotline:noise')).toBe(false)
  })
})
