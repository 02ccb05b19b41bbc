import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import { ReportWindow, toReport, type Report } from './report-window.ts'

const at = (id: string, atMs: number): Report => ({
  id, source: 'hotline', category: 'noise', key: 'hotline:noise', atMs, lng: 104, lat: 30.6,
  path: { district: 'd', street: 's', community: 'c', grid: null, microgrid: null },
})

describe('report window', () => {
  it('keeps each key’s reports in time order, late ones included, and drops those that left the window', () => {
    const w = new ReportWindow(100)
    w.add(at('a', 10))
    w.add(at('c', 50))
    w.add(at('b', 30))
    expect(w.current(100).get('hotline:noise')!.map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(w.current(140).get('hotline:noise')!.map((r) => r.id)).toEqual(['c'])
    expect(w.current(1000).size).toBe(0)
  })

  it('takes only people’s reports inside the district, at the earlier of occurred and received', () => {
    const e = {
      id: 'x', seq: 1, source: 'hotline', sourceId: 'x', category: 'noise', severity: 'minor', occurredAt: '2026-12-07T02:00:00Z',
      receivedAt: '2026-12-07T01:00:00Z', location: { lng: 104, lat: 30.6 }, outside: false, attrs: {},
      path: { district: 'd', street: 's', community: 'c', grid: 'g', microgrid: 'm' },
    } as StoredEvent
    expect(toReport(e)?.atMs).toBe(Date.parse('2026-12-07T01:00:00Z'))
    expect(toReport({ ...e, source: 'sensor' })).toBeUndefined()
    expect(toReport({ ...e, outside: true })).toBeUndefined()
  })
})
