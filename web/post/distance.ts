/** Distances from a case, enough to rank units by how far they are (not for routing). */
import { distance } from '@turf/turf'
import type { LngLat } from '../../domain/event.ts'

/**
 * Great-circle distance in metres (Turf).
 * @example
 * distanceM({ lng: 104.1, lat: 30.66 }, { lng: 104.11, lat: 30.66 }) // ≈ 957
 */
export function distanceM(a: LngLat, b: LngLat): number {
  return distance([a.lng, a.lat], [b.lng, b.lat], { units: 'meters' })
}

/** @example formatDistance(850) // '850 m'; formatDistance(1_234) // '1.2 km' */
export function formatDistance(m: number): string {
  return m < 1_000 ? `${Math.round(m)} m` : `${(m / 1_000).toFixed(1)} km`
}
