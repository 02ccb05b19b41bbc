/**
 * The features a hierarchy holds at one level, or undefined when it does not hold that tier. A
 * `DistrictHierarchy` holds the district and its streets; a `FullHierarchy` all five tiers.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { Level, NodeProps } from '../domain/geo.ts'
import type { DistrictHierarchy } from './district-hierarchy.ts'
import type { FullHierarchy } from './generate-hierarchy.ts'

export type AnyHierarchy = DistrictHierarchy | FullHierarchy
export type LevelFeature = Feature<Polygon | MultiPolygon, NodeProps>

/**
 * @example
 * levelFeatures(generateDistrict({ seed: 's' }), 'street')?.length // 11
 * levelFeatures(generateDistrict({ seed: 's' }), 'grid')           // undefined
 */
export function levelFeatures(h: AnyHierarchy, level: Level): LevelFeature[] | undefined {
  const full = h as Partial<FullHierarchy>
  switch (level) {
    case 'district':
      return [h.district]
    case 'street':
      return h.streets
    case 'community':
      return full.communities
    case 'grid':
      return full.grids
    case 'microgrid':
      return full.microgrids
  }
}
