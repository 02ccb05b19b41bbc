/** Builders for unit tests: a valid case or unit with only the fields a test cares about set. */
import type { Case } from '../../domain/cases.ts'
import type { Unit } from '../../domain/units.ts'

export function makeCase(id: string, over: Partial<Case> = {}): Case {
  return {
    id,
    status: 'new',
    tier: 'microgrid',
    path: { district: '510108', street: '510108001', community: null, grid: null, microgrid: null },
    location: { lng: 104.1, lat: 30.66 },
    category: 'noise',
    source: 'hotline',
    severity: 'minor',
    title: '噪声扰民',
    eventIds: ['e'], eventCount: 1,
    department: null,
    openedAt: '2026-11-29T09:00:00Z',
    updatedAt: '2026-11-29T09:00:00Z',
    escalations: 0,
    deadlines: { acceptBy: '2026-11-29T10:12:34Z', arriveBy: '2026-11-29T10:30:00Z', resolveBy: '2026-11-29T12:00:00Z' },
    ...over,
  }
}

export function makeUnit(id: string, over: Partial<Unit> = {}): Unit {
  return {
    id,
    kind: 'grid_worker',
    name: `网格员 ${id}`,
    department: null,
    home: { street: '510108001', community: null, grid: null },
    status: 'available',
    location: { lng: 104.1, lat: 30.66 },
    caseId: null,
    statusSince: '2026-11-29T09:00:00Z',
    updatedAt: '2026-11-29T09:00:00Z',
    ...over,
  }
}
