/**
 * The generated (or, later, imported) hierarchy that every other geo operation reads. Features carry
 * `NodeProps` from domain/geo.ts and the same id as their top-level GeoJSON `id`.
 *
 * Only the district and its streets exist so far; communities, grids and micro-grids (DESIGN §2.1) will be
 * added as further arrays, each tiling its parent, when their generator lands.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { NodeProps } from '../domain/geo.ts'

export interface DistrictHierarchy {
  /** The seed it was generated from, as a string. */
  seed: string
  /** The district outline (WGS-84), e.g. id `510108`, level `district`, parentId `null`. */
  district: Feature<Polygon, NodeProps>
  /** The streets (街道), tiling the district; level `street`, parentId the district's id. */
  streets: Feature<Polygon | MultiPolygon, NodeProps>[]
}

/** Throws unless `h` has the shape of a `DistrictHierarchy` (a district polygon and at least one street). */
export function assertHierarchy(h: unknown): asserts h is DistrictHierarchy {
  const candidate = h as Partial<DistrictHierarchy> | null | undefined
  if (
    candidate?.district?.type !== 'Feature' ||
    candidate.district.geometry?.type !== 'Polygon' ||
    !Array.isArray(candidate.streets) ||
    candidate.streets.length === 0
  ) {
    throw new TypeError('hierarchy must have a district Polygon feature and at least one street')
  }
}
