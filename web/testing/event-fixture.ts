/** Builders for unit tests: a valid stored event or snapshot with only the fields a test cares about set. */
import type { StoredEvent } from '../../domain/event.ts'
import type { Snapshot } from '../../domain/socket.ts'

export function makeEvent(seq: number, over: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id: `evt-${seq}`,
    seq,
    source: 'incident',
    sourceId: `src-${seq}`,
    category: 'fire_hazard',
    severity: 'moderate',
    occurredAt: '2025-03-01T02:00:00.000Z',
    receivedAt: '2025-03-01T02:00:01.000Z',
    location: { lng: 104.1, lat: 30.67 },
    path: { district: '510108', street: '510108001', community: null, grid: null, microgrid: null },
    outside: false,
    attrs: {},
    ...over,
  }
}

export function makeSnapshot(seq: number, events: StoredEvent[], over: Partial<Snapshot> = {}): Snapshot {
  return {
    seq,
    scope: { level: 'district', id: '510108' },
    events,
    counts: {
      total: events.length,
      bySource: { incident: events.length },
      bySeverity: { moderate: events.length },
      byNode: {},
      since: '2025-02-28T16:00:00.000Z',
    },
    serverTime: '2025-03-01T02:00:05.000Z',
    bootId: 'boot-1',
    ...over,
  }
}
