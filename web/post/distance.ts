/** Great-circle distance, enough to rank units by how far they are from a case (not for routing). */
import type { LngLat } from '../../domain/event.ts'

const EARTH_RADIUS_M = 6_371_008.8
const rad = (deg: number) => (deg * Math.PI) / 180

/**
 * Haversine distance in metres.
 * @example
 * distanceM({ lng: 104.1, lat: 30.66 }, { lng: 104.11, lat: 30.66 }) // ≈ 957
 */
export function distanceM(a: LngLat, b: LngLat): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** @example formatDistance(850) // '850 m'; formatDistance(1_234) // '1.2 km' */
export function formatDistance(m: number): string {
  return m < 1_000 ? `${Math.round(m)} m` : `${(m / 1_000).toFixed(1)} km`
}
