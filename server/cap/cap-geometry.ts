/**
 * CAP area shapes: reading `<polygon>` and `<circle>` (WGS-84, written `lat,lon`, latitude first) into
 * GeoJSON order, and the point an alert is placed at. CAP 1.2 §3.2.4: a polygon is at least four
 * coordinate pairs, the first and last the same; a circle is a centre pair and a radius in kilometres.
 */
import { centerOfMass, polygon as turfPolygon } from '@turf/turf'
import type { CapArea, CapCircle } from '../../domain/cap.ts'
import type { LngLat } from '../../domain/event.ts'

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/

function readPair(text: string): Parsed<[number, number]> {
  const parts = text.split(',')
  if (parts.length !== 2 || !parts.every((p) => DECIMAL.test(p))) return { ok: false, message: `"${text}" is not a "lat,lon" pair` }
  const [lat, lon] = parts.map(Number) as [number, number]
  if (lat < -90 || lat > 90) return { ok: false, message: `latitude ${lat} is outside -90..90 (CAP writes latitude first)` }
  if (lon < -180 || lon > 180) return { ok: false, message: `longitude ${lon} is outside -180..180` }
  return { ok: true, value: [lon, lat] }
}

/**
 * @example
 * parseCapPolygon('38.47,-120.14 38.34,-119.95 38.52,-119.74 38.47,-120.14')
 * // { ok: true, value: [[-120.14, 38.47], [-119.95, 38.34], [-119.74, 38.52], [-120.14, 38.47]] }
 */
export function parseCapPolygon(text: string): Parsed<Array<[number, number]>> {
  const pairs = text.trim().split(/\s+/).filter(Boolean)
  if (pairs.length < 4) return { ok: false, message: `a polygon needs at least 4 "lat,lon" pairs, found ${pairs.length}` }
  const ring: Array<[number, number]> = []
  for (const p of pairs) {
    const pair = readPair(p)
    if (!pair.ok) return pair
    ring.push(pair.value)
  }
  const [first, last] = [ring[0]!, ring.at(-1)!]
  if (first[0] !== last[0] || first[1] !== last[1]) return { ok: false, message: 'a polygon must end where it starts (first and last pairs equal)' }
  return { ok: true, value: ring }
}

/**
 * @example
 * parseCapCircle('32.9525,-115.5527 0') // { ok: true, value: { center: [-115.5527, 32.9525], radiusKm: 0 } }
 */
export function parseCapCircle(text: string): Parsed<CapCircle> {
  const parts = text.trim().split(/\s+/)
  if (parts.length !== 2) return { ok: false, message: `"${text}" is not a "lat,lon radius" circle` }
  const centre = readPair(parts[0]!)
  if (!centre.ok) return centre
  if (!DECIMAL.test(parts[1]!) || Number(parts[1]) < 0) return { ok: false, message: `radius "${parts[1]}" is not a distance in km` }
  return { ok: true, value: { center: centre.value, radiusKm: Number(parts[1]) } }
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7

/**
 * Where an alert is placed: the centre of the first area that has a shape (its first polygon's centre
 * of mass, else its first circle's centre); undefined when no area has one (areaDesc or geocodes only).
 * @example
 * areasCentre([{ areaDesc: 'x', polygons: [], circles: [{ center: [104.1, 30.7], radiusKm: 2 }] }]) // { lng: 104.1, lat: 30.7 }
 */
export function areasCentre(areas: ReadonlyArray<Pick<CapArea, 'polygons' | 'circles'>>): LngLat | undefined {
  const area = areas.find((a) => a.polygons.length > 0 || a.circles.length > 0)
  if (!area) return undefined
  if (area.polygons.length > 0) {
    const [lng, lat] = centerOfMass(turfPolygon([area.polygons[0]!])).geometry.coordinates as [number, number]
    return { lng: round7(lng), lat: round7(lat) }
  }
  const [lng, lat] = area.circles[0]!.center
  return { lng, lat }
}
