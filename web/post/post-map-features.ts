/**
 * What the post's street map draws: its cases as points coloured by severity (the selected one
 * marked, overdue ones flagged), its units as points coloured by status, and its grids faintly
 * filled by risk level (the level itself is each grid's `risk` feature-state, as on the wall).
 */
import type { ExpressionSpecification } from 'maplibre-gl'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import { dueOf } from '../../domain/case-board.ts'
import type { Case } from '../../domain/cases.ts'
import type { NodeProps } from '../../domain/geo.ts'
import { RISK_LEVELS, type RiskLevel } from '../../domain/risk.ts'
import type { Unit, UnitStatus } from '../../domain/units.ts'
import { SEVERITY_COLORS, severityRank } from '../map/severity-colors.ts'
import { inStreet } from './street-risk.ts'

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

/**
 * The street's grids (一般网格) out of the district's grid tier; empty while the tier is loading.
 *
 * @example
 * streetGridFeatures(geo.tiers.grid, '510108001').features.length // 75
 */
export function streetGridFeatures(
  grids: FeatureCollection<Polygon | MultiPolygon, NodeProps> | undefined,
  streetId: string | null,
): FeatureCollection<Polygon | MultiPolygon, NodeProps> {
  const features = streetId ? (grids?.features ?? []).filter((f) => inStreet(f.properties.id, streetId)) : []
  return { type: 'FeatureCollection', features }
}

/**
 * How strongly a grid's risk colour shows: faint, rising with the level, so the cases and units
 * drawn over it stay the map's subject and a green street reads as calm, not painted.
 */
export const GRID_RISK_OPACITY: Record<RiskLevel, number> = { green: 0.07, blue: 0.14, yellow: 0.24, orange: 0.36, red: 0.45 }

/**
 * The grid fill's opacity from its `risk` feature-state; none for a grid not scored yet.
 *
 * @example
 * gridRiskOpacity() // ['match', ['string', ['feature-state', 'risk'], ''], 'green', 0.07, …, 0]
 */
export function gridRiskOpacity(): ExpressionSpecification {
  return [
    'match', ['string', ['feature-state', 'risk'], ''],
    ...RISK_LEVELS.flatMap((l) => [l, GRID_RISK_OPACITY[l]]),
    0,
  ] as unknown as ExpressionSpecification
}
