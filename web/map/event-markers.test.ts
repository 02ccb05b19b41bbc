import { describe, expect, it } from 'vitest'
import { MARKER_KINDS } from '../feed/source-style.ts'
import { makeEvent } from '../testing/event-fixture.ts'
import { SOURCES } from './district-style.ts'
import { eventFeatures } from './event-features.ts'
import { eventIconLayer, MARKER_IMAGE_IDS, markerImageId, nearestHit } from './event-markers.ts'
import { pickPulses } from './pulse.ts'

describe('the event icon layer', () => {
  it('draws icons only: no text (which would need glyphs), no sprite, from the events source', () => {
    const layer = eventIconLayer()
    expect(layer.type).toBe('symbol')
    expect(layer.source).toBe(SOURCES.events)
    expect(layer.layout?.['text-field']).toBeUndefined()
    expect(JSON.stringify(layer)).not.toMatch(/https?:|sprite/)
  })

  it('names one image per marker kind, matching the feature property it reads', () => {
    expect(MARKER_IMAGE_IDS).toHaveLength(MARKER_KINDS.length)
    const kind = eventFeatures([makeEvent(1, { source: 'sensor', category: 'gas', attrs: { sensorId: 'G', state: 'fault' } })])
      .features[0]?.properties.kind
    expect(kind).toBe('sensor_fault')
    expect(MARKER_IMAGE_IDS).toContain(markerImageId(kind!))
    expect(JSON.stringify(eventIconLayer().layout?.['icon-image'])).toContain('gw-marker-')
  })
})

describe('event features for the markers', () => {
  it('carry the id a tap opens, the source and its colour', () => {
    const [f] = eventFeatures([makeEvent(7, { id: 'evt-x', source: 'detection', category: 'stray_dog', attrs: { cameraId: 'C', confidence: 0.9 } })]).features
    expect(f?.properties).toMatchObject({ id: 'evt-x', source: 'detection', kind: 'detection' })
    expect(f?.properties.color).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('leave non-alerting detections off the map and never pulse them', () => {
    const quiet = makeEvent(5, { source: 'detection', category: 'stray_dog', attrs: { cameraId: 'C', confidence: 0.2, alerting: false } })
    const loud = makeEvent(6, { source: 'detection', category: 'stray_dog', attrs: { cameraId: 'C', confidence: 0.9, alerting: true } })
    expect(eventFeatures([quiet, loud]).features.map((f) => f.properties.seq)).toEqual([6])
    const r = pickPulses([quiet, loud], { pulsedThrough: 4 }, { liveAfterSeq: 4 })
    expect(r.pulse.map((e) => e.seq)).toEqual([6])
  })
})

describe('nearestHit', () => {
  it('picks the marker nearest the tap', () => {
    const hits = [
      { id: 'far', x: 10, y: 10, rank: 3 },
      { id: 'near', x: 1, y: 1, rank: 0 },
    ]
    expect(nearestHit(hits, { x: 0, y: 0 })).toBe('near')
  })

  it('prefers the more severe of two markers in the same place', () => {
    const hits = [
      { id: 'minor', x: 5, y: 5, rank: 0 },
      { id: 'extreme', x: 5, y: 5, rank: 3 },
    ]
    expect(nearestHit(hits, { x: 0, y: 0 })).toBe('extreme')
  })

  it('finds nothing in nothing', () => {
    expect(nearestHit([], { x: 0, y: 0 })).toBeUndefined()
  })
})
