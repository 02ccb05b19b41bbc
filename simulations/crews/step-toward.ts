/**
 * A unit's next position on its way to a case: a straight line at its speed, as its GPS would report
 * it every few seconds. Straight lines, not roads: the basemap carries no routable network.
 */
import { bearing, destination, distance } from '@turf/turf'
import type { LngLat } from '../../domain/event.ts'

/**
 * @example
 * stepToward({ lng: 104.10, lat: 30.67 }, { lng: 104.11, lat: 30.67 }, 200) // 200 m east, or the target when nearer
 */
export function stepToward(from: LngLat, to: LngLat, metres: number): LngLat {
  const a: [number, number] = [from.lng, from.lat]
  const b: [number, number] = [to.lng, to.lat]
  if (distance(a, b, { units: 'meters' }) <= metres) return { lng: to.lng, lat: to.lat }
  const [lng, lat] = destination(a, metres, bearing(a, b), { units: 'meters' }).geometry.coordinates as [number, number]
  return { lng, lat }
}
