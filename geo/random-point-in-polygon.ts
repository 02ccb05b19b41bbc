/** Uniform random points inside a polygon, for the simulations to place events inside a given street. */
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { assertPolygonFeature } from './guards.ts'
import { pointInPolygon } from './point-in-polygon.ts'
import { polygonBbox } from './polygon-bbox.ts'
import type { Random } from './seeded-random.ts'

/** Rejection sampling gives up after this many misses: only a (near-)zero-area polygon gets there. */
const MAX_ATTEMPTS = 10_000

/**
 * A uniformly distributed `[lng, lat]` inside `feature` (a Polygon or MultiPolygon, holes respected), by
 * rejection sampling within its bounding box. Uniform in degrees, which at a district's scale is uniform
 * on the ground. Throws a `RangeError` if the polygon has no area to sample from.
 *
 * @example
 * const rng = createRandom('drill-7')
 * const [lng, lat] = randomPointInPolygon(rng, hierarchy.streets[0])
 */
export function randomPointInPolygon(
  rng: Pick<Random, 'next'>,
  feature: Feature<Polygon | MultiPolygon>,
): [number, number] {
  if (typeof (rng as Partial<Random> | null)?.next !== 'function') {
    throw new TypeError('rng must be a generator from createRandom()')
  }
  assertPolygonFeature('feature', feature)
  const geometry = feature.geometry
  const [minX, minY, maxX, maxY] = polygonBbox(geometry)
  if (!(minX < maxX && minY < maxY)) throw new RangeError('feature has no area to sample a point from')
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const lng = minX + rng.next() * (maxX - minX)
    const lat = minY + rng.next() * (maxY - minY)
    if (pointInPolygon(lng, lat, geometry)) return [lng, lat]
  }
  throw new RangeError(`feature has no area to sample a point from (${MAX_ATTEMPTS} draws missed it)`)
}
