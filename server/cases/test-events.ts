/** Stored events for the case engine's unit tests: a realistic default, overridden per test. */
import type { StoredEvent } from '../../domain/event.ts'

let n = 0

export function storedEvent(over: Partial<StoredEvent> = {}): StoredEvent {
  n += 1
  const at = over.occurredAt ?? '2026-05-22T10:00:00.000Z'
  return {
    id: `E${n}`,
    seq: n,
    source: 'hotline',
    sourceId: `s-${n}`,
    category: 'noise',
    severity: 'minor',
    occurredAt: at,
    receivedAt: at,
    location: { lng: 104.1, lat: 30.66 },
    path: { district: '510108', street: '510108001', community: '510108001001', grid: '510108001001001', microgrid: '510108001001001001' },
    outside: false,
    attrs: {},
    ...over,
  }
}

/** A point `east` and `north` metres from `p`. */
export function offset(p: { lng: number; lat: number }, east: number, north: number) {
  return { lng: p.lng + east / (111_320 * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat + north / 111_320 }
}
