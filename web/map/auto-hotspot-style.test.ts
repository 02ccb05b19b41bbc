import { describe, expect, it } from 'vitest'
import { makeCluster, makeFrequency } from '../testing/hotspot-fixture.ts'
import {
  AUTO_HOTSPOT_SOURCE, autoHotspotFeatures, autoHotspotLayers, chippedHotspots, FREQUENCY_RING_PX, MIN_RING_PX, pixelsPerMetreAtZoom0,
} from './auto-hotspot-style.ts'

/** Evaluates the ring's zoom curve at a stop for one feature (the stops are exact; in between it is exponential). */
function ringAt(zoom: number, props: Record<string, unknown>): number {
  const radius = autoHotspotLayers()[1]!.paint as { 'circle-radius': unknown[] }
  const stops = radius['circle-radius'].slice(3)
  const at = stops[stops.indexOf(zoom) + 1] as [string, unknown, number, [string, number, [string, [string, string], number]]]
  if (props['type'] === 'frequency') return at[2]
  const [, min, [, , scale]] = at[3]
  return Math.max(min, (props['radiusPx0'] as number) * scale)
}

describe('pixelsPerMetreAtZoom0', () => {
  it('matches Web Mercator on 512-pixel tiles, and grows away from the equator', () => {
    expect(1 / (pixelsPerMetreAtZoom0(0) * 2 ** 10)).toBeCloseTo(76.44, 1)
    expect(pixelsPerMetreAtZoom0(30.66) / pixelsPerMetreAtZoom0(0)).toBeCloseTo(1 / Math.cos((30.66 * Math.PI) / 180), 6)
  })
})

describe('autoHotspotFeatures', () => {
  it('puts each hotspot at its place, a cluster with its radius in pixels at zoom 0, and says which were sent', () => {
    const fc = autoHotspotFeatures([makeCluster('c', { radiusM: 150 }), makeFrequency('f', { caseId: 'C-0000001' })])
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([[104.1, 30.66], [104.1, 30.66]])
    expect(fc.features[0]!.properties).toMatchObject({ id: 'c', type: 'cluster', count: 6, sent: false })
    expect(fc.features[0]!.properties!['radiusPx0']).toBeCloseTo(150 * pixelsPerMetreAtZoom0(30.66), 12)
    expect(fc.features[1]!.properties).toMatchObject({ id: 'f', type: 'frequency', radiusPx0: 0, sent: true })
  })
})

describe('autoHotspotLayers', () => {
  it('draws from its own source, a cluster’s ring in metres from a street’s zoom and at least a thumb’s width below', () => {
    const layers = autoHotspotLayers()
    for (const l of layers) expect((l as { source: string }).source).toBe(AUTO_HOTSPOT_SOURCE)
    const [cluster] = autoHotspotFeatures([makeCluster('c', { radiusM: 150 })]).features
    // At the district's zoom 150 m is a few pixels: the floor holds.
    expect(ringAt(10, cluster!.properties!)).toBe(MIN_RING_PX)
    // At zoom 16 a pixel is about 1 m here: the ring is the cluster's size.
    const metresPerPx = 1 / (pixelsPerMetreAtZoom0(30.66) * 2 ** 16)
    expect(ringAt(16, cluster!.properties!)).toBeCloseTo(150 / metresPerPx, 6)
    expect(ringAt(16, { type: 'frequency', radiusPx0: 0 })).toBe(FREQUENCY_RING_PX)
  })
})

describe('chippedHotspots', () => {
  it('keeps one chip per category and community: a waiting one, then the biggest, then a cluster', () => {
    const inA = { district: '510108', street: '510108001', community: 'A', grid: null, microgrid: null }
    const inB = { ...inA, community: 'B' }
    const f = makeFrequency('f', { count: 12, areaId: 'A', path: inA })
    const c = makeCluster('c', { count: 6, path: inA })
    const tie = makeCluster('t', { count: 12, path: inA })
    const other = makeCluster('o', { count: 5, path: inB })
    const trash = makeCluster('x', { count: 5, path: inA, category: 'garbage' })
    expect(chippedHotspots([f, c, other, trash]).map((h) => h.id)).toEqual(['f', 'o', 'x'])
    expect(chippedHotspots([f, tie]).map((h) => h.id)).toEqual(['t'])
    // Once one of the pair is sent, the other (still waiting) keeps the chip.
    expect(chippedHotspots([f, { ...tie, caseId: 'C-0000001' }]).map((h) => h.id)).toEqual(['f'])
  })
})
