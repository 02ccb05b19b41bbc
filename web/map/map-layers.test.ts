import { describe, expect, it } from 'vitest'
import { makeEvent } from '../testing/event-fixture.ts'
import { baseStyle, districtLayers, SOURCES, STREET_TINTS, tintStreets } from './district-style.ts'
import { eventFeatures } from './event-features.ts'
import { MAX_PULSES, pickPulses } from './pulse.ts'

describe('the offline map style', () => {
  it('has only a background layer, and no glyphs, sprite or remote URL anywhere', () => {
    const style = baseStyle()
    expect(style.layers.map((l) => l.type)).toEqual(['background'])
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
    expect(JSON.stringify([style, districtLayers()])).not.toMatch(/https?:|mapbox:|pmtiles:/)
  })

  it('draws no text layers (they would need glyphs) and uses only our sources', () => {
    const layers = districtLayers()
    expect(layers.some((l) => l.type === 'symbol')).toBe(false)
    const known = new Set<string>(Object.values(SOURCES))
    for (const l of layers) expect('source' in l && known.has(l.source as string)).toBe(true)
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length)
  })

  it('tints streets in order, cycling the palette', () => {
    const fc = tintStreets({
      type: 'FeatureCollection',
      features: Array.from({ length: STREET_TINTS.length + 1 }, (_, i) => ({
        type: 'Feature' as const,
        properties: { id: String(i) },
        geometry: { type: 'Point' as const, coordinates: [0, 0] },
      })),
    })
    expect(fc.features[0]?.properties?.tint).toBe(STREET_TINTS[0])
    expect(fc.features[STREET_TINTS.length]?.properties?.tint).toBe(STREET_TINTS[0])
    expect(fc.features[0]?.properties?.id).toBe('0')
  })
})

describe('eventFeatures', () => {
  it('makes points with severity rank and recency, oldest faintest', () => {
    const fc = eventFeatures([
      makeEvent(1, { severity: 'minor', location: { lng: 104, lat: 30 } }),
      makeEvent(2, { severity: 'extreme' }),
    ])
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([[104, 30], [104.1, 30.67]])
    expect(fc.features.map((f) => [f.properties.rank, f.properties.recency])).toEqual([
      [0, 0.35],
      [3, 1],
    ])
  })

  it('leaves heartbeats off the map', () => {
    const hb = makeEvent(1, { source: 'sensor', category: 'smoke', attrs: { state: 'heartbeat', sensorId: 's' } })
    expect(eventFeatures([hb]).features).toEqual([])
  })
})

describe('pickPulses', () => {
  const feed = (...seqs: number[]) => seqs.map((n) => makeEvent(n))
  const seqs = (r: ReturnType<typeof pickPulses>) => r.pulse.map((e) => e.seq)

  it('pulses nothing on the first look, only sets the cursor', () => {
    const r = pickPulses(feed(1, 2, 3), { pulsedThrough: null }, { liveAfterSeq: 1 })
    expect(seqs(r)).toEqual([])
    expect(r.cursor).toEqual({ pulsedThrough: 3 })
  })

  it('pulses each live event once', () => {
    const first = pickPulses(feed(9, 10, 11), { pulsedThrough: 10 }, { liveAfterSeq: 10 })
    expect(seqs(first)).toEqual([11])
    expect(seqs(pickPulses(feed(9, 10, 11), first.cursor, { liveAfterSeq: 10 }))).toEqual([])
    expect(seqs(pickPulses(feed(9, 10, 11, 12, 13), first.cursor, { liveAfterSeq: 10 }))).toEqual([12, 13])
  })

  it('never pulses a snapshot backlog', () => {
    expect(seqs(pickPulses(feed(1, 2, 50), { pulsedThrough: 2 }, { liveAfterSeq: 50 }))).toEqual([])
  })

  it('pulses nothing before a snapshot said where live begins', () => {
    const r = pickPulses(feed(1, 2), { pulsedThrough: 0 }, { liveAfterSeq: null })
    expect(seqs(r)).toEqual([])
    expect(r.cursor.pulsedThrough).toBe(2)
  })

  it('skips heartbeats and caps a burst to its newest events', () => {
    const hb = makeEvent(2, { source: 'sensor', category: 'smoke', attrs: { state: 'heartbeat', sensorId: 's' } })
    expect(seqs(pickPulses([makeEvent(1), hb, makeEvent(3)], { pulsedThrough: 0 }, { liveAfterSeq: 0 }))).toEqual([1, 3])
    const burst = Array.from({ length: MAX_PULSES + 5 }, (_, i) => makeEvent(i + 1))
    const r = pickPulses(burst, { pulsedThrough: 0 }, { liveAfterSeq: 0 })
    expect(r.pulse).toHaveLength(MAX_PULSES)
    expect(r.pulse.at(-1)?.seq).toBe(MAX_PULSES + 5)
  })
})
