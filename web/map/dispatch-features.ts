/**
 * The dispatch overlay's GeoJSON: open cases (a point wearing its SLA ring), units (a point by
 * status) and a line from each busy unit to its case. Pure, so the overlay composable only decides
 * when to send them.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson'
import type { Case } from '../../domain/cases.ts'
import type { Unit, UnitStatus } from '../../domain/units.ts'
import { severityRank } from './severity-colors.ts'
import { ringImageId, slaView } from './sla-ring.ts'

/** Statuses in which a unit is on a case, drawn bright and at every zoom. */
export const BUSY_STATUSES: readonly UnitStatus[] = ['dispatched', 'en_route', 'on_scene']
export const isBusy = (u: Pick<Unit, 'status'>): boolean => BUSY_STATUSES.includes(u.status)

export interface CaseFeatureProps {
  id: string
  ring: string
  state: 'ok' | 'warn' | 'late'
  escalated: boolean
  tier: string
  severity: number
  /** Draw order: late and escalated cases on top. */
  rank: number
}

/**
 * @example
 * caseFeatures([openCase], Date.now()).features[0].properties
 * // { id: 'C-0000001', ring: 'sla-ring-ok-9', state: 'ok', escalated: false, tier: 'microgrid', severity: 2, rank: 2 }
 */
export function caseFeatures(cases: Iterable<Case>, now: number): FeatureCollection<Point, CaseFeatureProps> {
  const features: Feature<Point, CaseFeatureProps>[] = []
  for (const c of cases) {
    const sla = slaView(c, now)
    const escalated = c.escalations > 0 || c.status === 'escalated'
    const severity = severityRank(c.severity)
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.location.lng, c.location.lat] },
      properties: {
        id: c.id,
        ring: ringImageId(sla.state, sla.step),
        state: sla.state,
        escalated,
        tier: c.tier,
        severity,
        rank: (sla.state === 'late' ? 20 : sla.state === 'warn' ? 10 : 0) + (escalated ? 5 : 0) + severity,
      },
    })
  }
  return { type: 'FeatureCollection', features }
}

export interface UnitFeatureProps {
  id: string
  status: UnitStatus
  busy: boolean
  kind: string
}

export function unitFeatures(units: Iterable<Unit>): FeatureCollection<Point, UnitFeatureProps> {
  const features: Feature<Point, UnitFeatureProps>[] = []
  for (const u of units) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [u.location.lng, u.location.lat] },
      properties: { id: u.id, status: u.status, busy: isBusy(u), kind: u.kind },
    })
  }
  return { type: 'FeatureCollection', features }
}

/**
 * A line from each busy unit to the case it is on, when that case is in view (open and in scope).
 *
 * @example
 * unitCaseLinks([{ id: 'U1', status: 'en_route', caseId: 'C-1', … }], new Map([['C-1', openCase]])).features.length // 1
 */
export function unitCaseLinks(
  units: Iterable<Unit>,
  cases: ReadonlyMap<string, Pick<Case, 'location'>>,
): FeatureCollection<LineString, { unitId: string; caseId: string; status: UnitStatus }> {
  const features: Feature<LineString, { unitId: string; caseId: string; status: UnitStatus }>[] = []
  for (const u of units) {
    if (!u.caseId || !isBusy(u)) continue
    const c = cases.get(u.caseId)
    if (!c) continue
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [[u.location.lng, u.location.lat], [c.location.lng, c.location.lat]] },
      properties: { unitId: u.id, caseId: u.caseId, status: u.status },
    })
  }
  return { type: 'FeatureCollection', features }
}
