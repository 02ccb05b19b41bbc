/**
 * The hierarchy as the read API serves it (DESIGN §4): one RFC 7946 FeatureCollection per level, and the
 * list of levels with their counts.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { LEVELS, type Level, type LevelInfo, type NodeProps } from '../domain/geo.ts'
import { assertHierarchy, type DistrictHierarchy } from './district-hierarchy.ts'

/** Levels the hierarchy holds so far; the lower tiers join when their generator lands. */
export const AVAILABLE_LEVELS = ['district', 'street'] as const
export type AvailableLevel = (typeof AVAILABLE_LEVELS)[number]

/**
 * All features of one level as a FeatureCollection (WGS-84). Each feature's top-level `id` is its node id,
 * and its properties are exactly `{id, name, level, parentId}`. Features are new objects, but their
 * geometries are the hierarchy's own: treat them as read-only.
 *
 * @example
 * levelCollection(h, 'street').features.length // 11
 * levelCollection(h, 'street').features[0].id  // '510108001'
 */
export function levelCollection(
  h: DistrictHierarchy,
  level: AvailableLevel,
): FeatureCollection<Polygon | MultiPolygon, NodeProps> {
  assertHierarchy(h)
  if (!(LEVELS as readonly unknown[]).includes(level)) {
    throw new RangeError(`level must be one of ${LEVELS.join(', ')}`)
  }
  if (!(AVAILABLE_LEVELS as readonly string[]).includes(level)) {
    throw new RangeError(`level "${level}" is not available yet`)
  }
  const source: Feature<Polygon | MultiPolygon, NodeProps>[] = level === 'district' ? [h.district] : h.streets
  return {
    type: 'FeatureCollection',
    features: source.map((f) => {
      const { id, name, level: featureLevel, parentId } = f.properties
      return { type: 'Feature', id, properties: { id, name, level: featureLevel, parentId }, geometry: f.geometry }
    }),
  }
}

/**
 * Every level in tier order, with how many nodes it has and whether it is served yet.
 *
 * @example
 * availableLevels(h)
 * // [{ level: 'district', count: 1, available: true }, { level: 'street', count: 11, available: true },
 * //  { level: 'community', count: 0, available: false }, …]
 */
export function availableLevels(h: DistrictHierarchy): LevelInfo[] {
  assertHierarchy(h)
  const counts: Partial<Record<Level, number>> = { district: 1, street: h.streets.length }
  return LEVELS.map((level) => ({
    level,
    count: counts[level] ?? 0,
    available: (AVAILABLE_LEVELS as readonly Level[]).includes(level),
  }))
}
