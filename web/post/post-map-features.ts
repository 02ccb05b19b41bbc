/**
 * What the post's street map draws: its cases as points coloured by severity (the selected one
 * marked, overdue ones flagged) and its units as points coloured by status.
 */
import type { Feature, FeatureCollection, Point } from 'geojson'
import { dueOf } from '../../domain/case-board.ts'
import type { Case } from '../../domain/cases.ts'
import type { Unit, UnitStatus } from '../../domain/units.ts'
import { SEVERITY_COLORS, severityRank } from '../map/severity-colors.ts'

export const UNIT_STATUS_COLORS: Record<UnitStatus, string> = {
  available: '#2bf08f',
  dispatched: '#ffb020',
  en_route: '#ffb020',
  on_scene: '#27e1ff',
  cleared: '#7f97b2',
}

const point = (lng: number, lat: number): Point => ({ type: 'Point', coordinates: [lng, lat] })

/**
 * @example
 * caseFeatures([c], 'C-1', now).features[0].properties // { id: 'C-1', color: '#ff3b47', rank: 3, selected: true, late: false }
 */
export function caseFeatures(cases: readonly Case[], selectedId: string | null, now: number): FeatureCollection<Point> {
  const features: Feature<Point>[] = cases.map((c) => ({
    type: 'Feature',
    geometry: point(c.location.lng, c.location.lat),
    properties: {
      id: c.id,
      color: SEVERITY_COLORS[c.severity],
      // Drawn in this order, so the most severe sit on top.
      rank: severityRank(c.severity),
      selected: c.id === selectedId,
      late: Date.parse(dueOf(c).at) < now,
    },
  }))
  return { type: 'FeatureCollection', features }
}

export function unitFeatures(units: readonly Unit[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: units.map((u) => ({
      type: 'Feature',
      geometry: point(u.location.lng, u.location.lat),
      properties: { id: u.id, color: UNIT_STATUS_COLORS[u.status], busy: u.caseId !== null },
    })),
  }
}
