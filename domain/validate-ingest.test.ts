import { describe, expect, it } from 'vitest'
import { validateIngestBody } from './validate-ingest.ts'

const good = {
  source: 'detection', sourceId: 'd-1', category: 'dog_unleashed', occurredAt: '2026-11-22T07:10:00+08:00',
  location: { lng: 104.1, lat: 30.67, crs: 'GCJ02' }, attrs: { cameraId: 'CAM-1', confidence: 0.91 },
}

describe('validateIngestBody', () => {
  it('accepts one item or a batch', () => {
    expect(validateIngestBody(good)).toMatchObject({ ok: true, items: [good] })
    expect(validateIngestBody([good, good])).toMatchObject({ ok: true })
  })

  it('names each bad index and why, per source', () => {
    const r = validateIngestBody([
      good,
      { ...good, attrs: { cameraId: 'CAM-1', confidence: 1.5 } },
      { ...good, category: 'smoke' },
      { ...good, occurredAt: '2026-11-22 07:10' },
      { ...good, location: { lng: 104.1, lat: 30.67, crs: 'EPSG:3857' } },
      { ...good, extra: 1 },
      'not an object',
    ])
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.details.map((d) => [d.index, d.path])).toEqual([
      [1, '/attrs/confidence'], [2, '/category'], [3, '/occurredAt'], [4, '/location/crs'], [5, '/extra'], [6, ''],
    ])
    expect(r.details[1]!.message).toMatch(/unknown category "smoke" for source 'detection'; expected one of: dog_unleashed, stray_dog/)
    expect(r.message).toBe('6 of 7 items are invalid; nothing was stored')
  })

  it('requires the per-source attributes', () => {
    const r = validateIngestBody({ ...good, source: 'sensor', category: 'smoke', attrs: { sensorId: 'S1' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.details[0]).toMatchObject({ index: 0, path: '/attrs/state' })
  })

  it('refuses empty and oversized batches', () => {
    expect(validateIngestBody([])).toMatchObject({ ok: false, message: 'batch is empty' })
    expect(validateIngestBody(Array.from({ length: 5001 }, () => good))).toMatchObject({ ok: false, message: expect.stringMatching(/5001 items; at most 5000/) })
  })
})
