/**
 * Shared input guards for the geo module. Each throws a `TypeError` (wrong kind of value) or a
 * `RangeError` (right kind, wrong value) whose message names the argument and what was expected, so a
 * caller reading a stack trace knows at once which input was bad.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'

/** Throws unless every value is a finite number. `names` is the message's subject, e.g. `'lng and lat'`. */
export function assertFinite(names: string, ...values: unknown[]): void {
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${names} must be finite numbers`)
  }
}

/** Throws unless `value` is an integer (a safe one). */
export function assertInteger(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError(`${name} must be an integer`)
}

/** Throws unless `seed` is a non-empty string or a finite number. */
export function assertSeed(seed: unknown): asserts seed is string | number {
  const ok = (typeof seed === 'string' && seed.length > 0) || (typeof seed === 'number' && Number.isFinite(seed))
  if (!ok) throw new TypeError('seed must be a non-empty string or a finite number')
}

/** Throws unless `feature` is a GeoJSON Feature whose geometry is a Polygon or MultiPolygon. */
export function assertPolygonFeature(
  name: string,
  feature: unknown,
): asserts feature is Feature<Polygon | MultiPolygon> {
  const f = feature as Partial<Feature> | null | undefined
  const type = f?.type === 'Feature' ? f.geometry?.type : undefined
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    throw new TypeError(`${name} must be a GeoJSON Feature with a Polygon or MultiPolygon geometry`)
  }
}
