import { describe, expect, it } from 'vitest'
import type { IngestItem } from '../../domain/event.ts'
import { normaliseEvent, toWgs84 } from './normalise-event.ts'

const path = { district: '510108', street: '510108001', community: null, grid: null, microgrid: null }
const locate = () => ({ path, outside: false })

describe('normaliseEvent', () => {
  const item: IngestItem = {
    source: 'sensor', sourceId: 's-1', category: 'gas', occurredAt: '2026-11-22T09:30:00+08:00',
    location: { lng: 104.1, lat: 30.67 }, attrs: { sensorId: 'GAS-1', state: 'alarm' },
  }

  it('applies the category default severity, normalises the time to UTC and keeps attrs', () => {
    const e = normaliseEvent(item, locate, new Date('2026-11-22T01:31:00Z'))
    expect(e).toMatchObject({ severity: 'severe', occurredAt: '2026-11-22T01:30:00.000Z', receivedAt: '2026-11-22T01:31:00.000Z', path, outside: false, attrs: { sensorId: 'GAS-1', state: 'alarm' } })
    expect(e).not.toHaveProperty('title')
  })

  it('keeps an explicit severity', () => {
    expect(normaliseEvent({ ...item, severity: 'extreme' }, locate, new Date()).severity).toBe('extreme')
  })
})

describe('toWgs84', () => {
  it('leaves WGS-84 alone (rounded to 7 decimals) and moves GCJ-02 and BD-09 by their offsets', () => {
    expect(toWgs84(104.123456789, 30.1, 'WGS84')).toEqual({ lng: 104.1234568, lat: 30.1 })
    const gcj = toWgs84(104.1, 30.67, 'GCJ02')
    const bd = toWgs84(104.1, 30.67, 'BD09')
    // GCJ-02 in Chengdu is a few hundred metres off WGS-84; BD-09 is offset further still.
    const metres = (p: { lng: number; lat: number }) => Math.hypot((104.1 - p.lng) * 96_000, (30.67 - p.lat) * 111_000)
    expect(metres(gcj)).toBeGreaterThan(200)
    expect(metres(gcj)).toBeLessThan(800)
    expect(metres(bd)).toBeGreaterThan(metres(gcj))
  })
})
