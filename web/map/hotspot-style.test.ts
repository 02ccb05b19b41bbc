import { describe, expect, it } from 'vitest'
import type { Hotspot } from '../../domain/cameras.ts'
import { hotspotFeatures } from './hotspot-style.ts'

const hotspot = (count: number): Hotspot => ({
  id: `HS-${count}`, cameraId: 'CAM-510108001-0001', kind: 'dog_unleashed', count, type: 'detection',
  firstAt: '2026-11-29T07:00:00Z', lastAt: '2026-11-29T07:20:00Z', expiresAt: '2026-11-29T07:50:00Z',
  location: { lng: 104.1, lat: 30.66 },
  path: { district: '510108', street: '510108001', community: null, grid: null, microgrid: null },
} as Hotspot)

describe('hotspotFeatures', () => {
  it('puts each hotspot at its camera, with its count capped so one camera cannot cover a street', () => {
    const fc = hotspotFeatures([hotspot(3), hotspot(40)])
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([[104.1, 30.66], [104.1, 30.66]])
    expect(fc.features.map((f) => f.properties?.['count'])).toEqual([3, 12])
    expect(fc.features[0]!.properties).toMatchObject({ id: 'HS-3', kind: 'dog_unleashed', cameraId: 'CAM-510108001-0001' })
  })
})
