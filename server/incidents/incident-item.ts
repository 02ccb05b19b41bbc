/** A grid worker's report made into an `incident` ingest item. */
import { createHash, randomUUID } from 'node:crypto'
import type { IngestItem } from '../../domain/event.ts'
import type { IncidentReport } from '../../domain/incidents.ts'

/**
 * The report's sourceId. Without a `reportId`, a report that names its own time is identified by
 * its content, so a retried POST is still a duplicate; one with neither can only be given a fresh id.
 */
function reportSourceId(r: IncidentReport): string {
  if (r.reportId) return r.reportId
  if (!r.occurredAt) return `wr-${randomUUID()}`
  const key = JSON.stringify([r.workerId, r.category, r.occurredAt, r.location.lng, r.location.lat, r.location.crs ?? 'WGS84', r.description])
  return `wr-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`
}

/**
 * @example
 * incidentItem({ category: 'fire_hazard', description: '楼道堆物', location, workerId: 'W0010001' }, now)
 * // { source: 'incident', sourceId: 'wr-…', attrs: { workerId: 'W0010001', photos: [] }, … }
 */
export function incidentItem(r: IncidentReport, receivedAt: Date): IngestItem {
  return {
    source: 'incident',
    sourceId: reportSourceId(r),
    category: r.category,
    ...(r.severity ? { severity: r.severity } : {}),
    occurredAt: r.occurredAt ?? receivedAt.toISOString(),
    location: r.location,
    ...(r.title ? { title: r.title } : {}),
    description: r.description,
    attrs: { workerId: r.workerId, photos: r.photos ?? [] },
  }
}
