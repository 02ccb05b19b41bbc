/**
 * The hierarchy as the read API serves it (DESIGN §4): one RFC 7946 FeatureCollection per level, and the
 * list of levels with their counts.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { LEVELS, type Level, type LevelInfo, type NodeProps } from '../domain/geo.ts'
import { assertHierarchy } from './district-hierarchy.ts'
import { levelFeatures, type AnyHierarchy } from './level-features.ts'

/**
 * All features of one level as a FeatureCollection (WGS-84). Each feature's top-level `id` is its node id,
 * and its properties are exactly `{id, name, level, parentId}`. Features are new objects, but their
 * geometries are the hierarchy's own: treat them as read-only.
 *
 * @example
 * levelCollection(h, 'street').features.length // 11
 * levelCollection(h, 'street').features[0].id  // '510108001'
 */
export function levelCollection(h: AnyHierarchy, level: Level): FeatureCollection<Polygon | MultiPolygon, NodeProps> {
  assertHierarchy(h)
  if (!(LEVELS as readonly unknown[]).includes(level)) {
    throw new RangeError(`level must be one of ${LEVELS.join(', ')}`)
  }
  const source = levelFeatures(h, level)
  if (!source) throw new RangeError(`level "${level}" is not available yet`)
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
export function availableLevels(h: AnyHierarchy): LevelInfo[] {
  assertHierarchy(h)
  return LEVELS.map((level) => {
    const features = levelFeatures(h, level)
    return { level, count: features?.length ?? 0, available: features !== undefined }
  })
}
