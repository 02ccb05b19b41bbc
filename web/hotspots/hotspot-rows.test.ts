import { describe, expect, it } from 'vitest'
import { makeCluster, makeFrequency } from '../testing/hotspot-fixture.ts'
import { hotspotArea, hotspotRows, rankHotspots, timeSpan } from './hotspot-rows.ts'

const NOW = Date.parse('2026-11-29T07:00:00Z') // 15:00 in Chengdu
const names = new Map([['510108001', '猛追湾街道'], ['510108001002', '双林社区']])
const nameOf = (id: string) => names.get(id)

describe('rankHotspots', () => {
  it('puts waiting ones first, then the biggest, then the latest, then by id', () => {
    const list = [
      makeFrequency('a', { count: 12, caseId: 'C-0000001' }),
      makeFrequency('b', { count: 6 }),
      makeCluster('c', { count: 9 }),
      makeCluster('d', { count: 6, lastAt: '2026-11-29T06:50:00Z' }),
      makeCluster('e', { count: 6 }),
    ]
    expect(rankHotspots(list).map((h) => h.id)).toEqual(['c', 'd', 'b', 'e', 'a'])
  })
})

describe('timeSpan', () => {
  it('gives today’s times as clock times, the end without a date when it falls on the start’s day', () => {
    expect(timeSpan('2026-11-29T01:10:00Z', '2026-11-29T06:32:00Z', NOW)).toBe('09:10–14:32')
    expect(timeSpan('2026-11-28T13:10:00Z', '2026-11-29T06:32:00Z', NOW)).toBe('11-28 21:10–14:32')
    expect(timeSpan('2026-11-28T01:10:00Z', '2026-11-28T03:00:00Z', NOW)).toBe('11-28 09:10–11:00')
  })

  it('gives one time when the reports came in the same minute', () => {
    expect(timeSpan('2026-11-29T06:32:00Z', '2026-11-29T06:32:40Z', NOW)).toBe('14:32')
  })
})

describe('hotspotArea', () => {
  it('names a frequency hotspot’s community by its own name, after its street', () => {
    expect(hotspotArea(makeFrequency('f'), nameOf)).toBe('猛追湾街道 · 桃蹊路社区')
    expect(hotspotArea(makeFrequency('f'), nameOf, true)).toBe('桃蹊路社区')
  })

  it('names a cluster’s community from its path, and leaves it out until its name is loaded', () => {
    const c = makeCluster('c', { path: { district: '510108', street: '510108001', community: '510108001002', grid: null, microgrid: null } })
    expect(hotspotArea(c, nameOf)).toBe('猛追湾街道 · 双林社区')
    expect(hotspotArea(makeCluster('c'), nameOf)).toBe('猛追湾街道')
    expect(hotspotArea(makeCluster('c'), () => undefined)).toBe('510108001')
  })
})

describe('hotspotRows', () => {
  it('turns each into a row in the UI’s language: the usual count for frequency, the radius for clusters', () => {
    const [f, c] = hotspotRows([makeFrequency('f', { count: 12 }), makeCluster('c', { radiusM: 42.4, caseId: 'C-0000007' })], { locale: 'zh-CN', now: NOW, nameOf })
    expect(f).toMatchObject({ id: 'f', type: 'frequency', category: '噪声扰民', count: 12, expected: 1.2, baseline: 'own', radiusM: null, span: '09:10–14:32', caseId: null, streetId: '510108001' })
    expect(c).toMatchObject({ id: 'c', type: 'cluster', expected: null, baseline: null, radiusM: 42, caseId: 'C-0000007' })
    const [en] = hotspotRows([makeFrequency('f')], { locale: 'en', now: NOW, nameOf })
    expect(en!.category).toBe('Noise')
  })
})
