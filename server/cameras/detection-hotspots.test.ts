import { describe, expect, it } from 'vitest'
import { createHotspotIndex, hotspotRuns } from './detection-hotspots.ts'

const MIN = 60_000
const settings = { windowMs: 30 * MIN, minDetections: 3 }

describe('hotspotRuns', () => {
  it('needs minDetections within one window', () => {
    expect(hotspotRuns([0, 10 * MIN], settings)).toEqual([])
    // Three, but never three within 30 minutes.
    expect(hotspotRuns([0, 25 * MIN, 50 * MIN], settings)).toEqual([])
    expect(hotspotRuns([0, 10 * MIN, 30 * MIN], settings)).toEqual([{ count: 3, firstAt: 0, lastAt: 30 * MIN, expiresAt: 60 * MIN }])
  })

  it('grows while detections keep coming within the window of the last, and starts anew after a gap', () => {
    const times = [0, 1, 2, 20 * MIN, 45 * MIN, 70 * MIN, 200 * MIN, 201 * MIN, 202 * MIN]
    expect(hotspotRuns(times, settings)).toEqual([
      { count: 6, firstAt: 0, lastAt: 70 * MIN, expiresAt: 100 * MIN },
      { count: 3, firstAt: 200 * MIN, lastAt: 202 * MIN, expiresAt: 232 * MIN },
    ])
  })

  it('counts the detections before it in the window, and not those before the window', () => {
    expect(hotspotRuns([0, 40 * MIN, 50 * MIN, 60 * MIN], settings)).toEqual([{ count: 3, firstAt: 40 * MIN, lastAt: 60 * MIN, expiresAt: 90 * MIN }])
  })
})

describe('createHotspotIndex', () => {
  const d = (eventId: string, at: number, cameraId = 'CAM-510108001-0001', kind = 'dog_unleashed') => ({ eventId, cameraId, kind, at })

  it('forms a hotspot per camera and kind, counts each event once, and takes late arrivals in order', () => {
    const index = createHotspotIndex(settings)
    index.add(d('a', 10 * MIN))
    index.add(d('b', 12 * MIN, 'CAM-510108001-0002'))
    index.add(d('c', 14 * MIN, undefined, 'stray_dog'))
    index.add(d('a', 10 * MIN))
    expect(index.active(15 * MIN)).toEqual([])
    index.add(d('e', 20 * MIN))
    index.add(d('f', 5 * MIN))
    expect(index.active(21 * MIN)).toEqual([{
      id: `HS-CAM-510108001-0001-dog_unleashed-${5 * MIN}`, cameraId: 'CAM-510108001-0001', kind: 'dog_unleashed',
      count: 3, firstAt: 5 * MIN, lastAt: 20 * MIN, expiresAt: 50 * MIN,
    }])
  })

  it('ends a hotspot a window after its last detection and forgets what can no longer matter', () => {
    const index = createHotspotIndex(settings)
    for (const [i, t] of [0, 1, 2].entries()) index.add(d(`x${i}`, t * MIN))
    expect(index.active(31 * MIN)).toHaveLength(1)
    expect(index.active(32 * MIN)).toEqual([])
    expect(index.size()).toBe(0)
  })

  it('keeps the id of a long-running hotspot while earlier, unrelated detections are dropped', () => {
    const index = createHotspotIndex(settings)
    index.add(d('old', 0))
    const ids = new Set<string>()
    for (let i = 0; i < 20; i++) {
      index.add(d(`n${i}`, (100 + i * 10) * MIN))
      for (const h of index.active((100 + i * 10) * MIN)) ids.add(h.id)
    }
    expect([...ids]).toEqual([`HS-CAM-510108001-0001-dog_unleashed-${100 * MIN}`])
    expect(index.active(300 * MIN)[0]!.count).toBe(20)
  })

  it('refuses nonsense settings', () => {
    expect(() => createHotspotIndex({ windowMs: 0, minDetections: 3 })).toThrow(RangeError)
    expect(() => createHotspotIndex({ windowMs: MIN, minDetections: 0 })).toThrow(RangeError)
  })
})
