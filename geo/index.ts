/** The geo module's public API: pure functions over the district hierarchy (see README.md). */
export { createRandom, type Random } from './seeded-random.ts'
export { generateDistrict, type GenerateDistrictOptions } from './generate-district.ts'
export type { DistrictHierarchy } from './district-hierarchy.ts'
export { CHENGHUA } from './chenghua-profile.ts'
export { createLocator, type Locator, type LocateResult } from './locate-point.ts'
export { randomPointInPolygon } from './random-point-in-polygon.ts'
export { pointInPolygon } from './point-in-polygon.ts'
export { polygonBbox } from './polygon-bbox.ts'
export { levelCollection, availableLevels } from './to-feature-collection.ts'
export { levelFeatures, type AnyHierarchy, type LevelFeature } from './level-features.ts'
export {
  generateHierarchy,
  CHENGHUA_TIER_COUNTS,
  type FullHierarchy,
  type TierCounts,
  type TierFeature,
  type TierProgress,
} from './generate-hierarchy.ts'
export { voronoiSplit } from './voronoi-split.ts'
export {
  importBoundaries,
  BOUNDARY_CRS,
  DEFAULT_IMPORT_COUNTS,
  type BoundaryCrs,
  type ImportBoundariesOptions,
  type ImportCounts,
  type ImportProgress,
} from './import-boundaries.ts'
export {
  generateSites,
  CHENGHUA_SITE_COUNTS,
  type GenerateSitesOptions,
  type SiteCounts,
  type Sites,
} from './generate-sites.ts'
export { DEDICATED_KIND_SPECS, dedicatedKindCounts } from './place-dedicated-grids.ts'
