import { describe, expect, it } from 'vitest'
import type { Camera } from '../../domain/cameras.ts'
import type { IngestItem } from '../../domain/event.ts'
import { completeDetections, detectionItem, detectionProblems, detectionSourceId } from './detection-items.ts'

const camera: Camera = {
  id: 'CAM-510108001-0001', name: '新华路公园东门', location: { lng: 104.1, lat: 30.67 }, siteKind: 'park', siteId: '510108001001D001',
  path: { district: '510108', street: '510108001', community: '510108001001', grid: '510108001001001', microgrid: '510108001001001001' },
}
const registry = { get: (id: string) => (id === camera.id ? camera : undefined) }
const message = { cameraId: camera.id, kind: 'stray_dog', confidence: 0.6, at: '2025-05-01T08:00:00+08:00', bbox: [0.1, 0.2, 0.3, 0.4] as [number, number, number, number] }

describe('detection items', () => {
  it('keys a detection without an id by what it says, whatever offset its time is written in', () => {
    const id = detectionSourceId(message)
    expect(id).toMatch(/^det-[0-9a-f]{32}$/)
    expect(detectionSourceId({ ...message, at: '2025-05-01T00:00:00Z' })).toBe(id)
    expect(detectionSourceId({ ...message, bbox: [0.1, 0.2, 0.3, 0.41] })).not.toBe(id)
    expect(detectionSourceId({ ...message, detectionId: 'p-1' })).toBe('p-1')
  })

  it('names an unknown camera and a box off the frame', () => {
    expect(detectionProblems({ ...message, cameraId: 'CAM-X', bbox: [0.8, 0.2, 0.3, 0.4] }, 4, registry)).toEqual([
      { index: 4, path: '/cameraId', message: 'unknown camera "CAM-X"' },
      { index: 4, path: '/bbox', message: 'bbox runs off the frame: x + w = 1.1 > 1' },
    ])
    expect(detectionProblems(message, 0, registry)).toEqual([])
  })

  it('places the item at its camera, and the step completes it by the threshold (inclusive)', () => {
    const item = detectionItem(message, camera)
    expect(item).toMatchObject({ source: 'detection', category: 'stray_dog', location: camera.location, title: '新华路公园东门 流浪犬' })
    const [alerting] = completeDetections([item], [0], registry, 0.6).items as IngestItem[]
    expect(alerting!.attrs).toMatchObject({ cameraName: camera.name, alerting: true })
    expect(alerting!.severity).toBeUndefined()
    const [quiet] = completeDetections([{ ...item, severity: 'severe' }], [0], registry, 0.61).items as IngestItem[]
    expect(quiet).toMatchObject({ severity: 'minor', attrs: { alerting: false } })
  })

  it('refuses by batch index and leaves refused items untouched', () => {
    const item = detectionItem(message, camera)
    const bad = { ...item, attrs: { ...item.attrs, cameraId: 'CAM-TEST-0001' } }
    const done = completeDetections([item, bad], [3, 7], registry, 0.6)
    expect(done.errors).toEqual([{ index: 7, path: '/attrs/cameraId', message: 'unknown camera "CAM-TEST-0001"' }])
    expect(done.items[1]).toBe(bad)
  })
})
