/** Builders for unit tests: valid automatic hotspots with only the fields a test cares about set. */
import type { ClusterHotspot, FrequencyHotspot } from '../../domain/hotspots.ts'

const common = {
  source: 'hotline' as const,
  category: 'noise',
  count: 6,
  firstAt: '2026-11-29T01:10:00Z',
  lastAt: '2026-11-29T06:32:00Z',
  location: { lng: 104.1, lat: 30.66 },
  path: { district: '510108', street: '510108001', community: '510108001001', grid: null, microgrid: null },
  eventIds: ['e1', 'e2'],
  detectedAt: '2026-11-29T06:33:00Z',
  caseId: null,
}

export function makeFrequency(id: string, over: Partial<FrequencyHotspot> = {}): FrequencyHotspot {
  return { type: 'frequency', id, ...common, areaId: '510108001001', areaName: '桃蹊路社区', expected: 1.2, baseline: 'own', ...over }
}

export function makeCluster(id: string, over: Partial<ClusterHotspot> = {}): ClusterHotspot {
  return { type: 'cluster', id, ...common, radiusM: 40, ...over }
}
