/**
 * Lloyd's relaxation of Voronoi sites inside a parent polygon: each round moves every site to the centroid
 * of its Voronoi cell clipped to the parent, which evens out cell sizes and rounds off their shapes.
 */
import { featureCollection, point, voronoi } from '@turf/turf'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { localFrame, type XY } from './local-frame.ts'
import { pointInPolygon } from './point-in-polygon.ts'
import { clipToConvex, signedArea } from './planar-ring.ts'

/**
 * `sites` after `rounds` rounds of Lloyd's relaxation within `parent` (uniform density, planar km frame).
 * A site whose cell's centroid falls outside the parent (a crescent-shaped cell in a concave parent) stays
 * where it is for that round, so every site stays inside the parent and every cell keeps a piece of it.
 *
 * @example
 * const relaxed = lloydRelax(street.geometry, sites, 2)
 */
export function lloydRelax(parent: Polygon | MultiPolygon, sites: readonly Position[], rounds: number): Position[] {
  if (!Number.isSafeInteger(rounds) || rounds < 0) throw new RangeError('rounds must be an integer >= 0')
  if (sites.length < 2 || rounds === 0) return sites.map((s) => [s[0] as number, s[1] as number])
  const frame = localFrame(parent)
  const polygons = parent.type === 'Polygon' ? [parent.coordinates] : parent.coordinates
  const rings: XY[][] = []
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const polygon of polygons) {
    polygon.forEach((coordinates, i) => {
      const ring = coordinates.slice(0, -1).map((p) => frame.toLocal(p))
      // Exteriors counter-clockwise and holes clockwise, so their signed moments add up.
      if (signedArea(ring) > 0 !== (i === 0)) ring.reverse()
      for (const [x, y] of ring) {
        minX = Math.min(minX, x)
        minY = Math.min(minY, y)
        maxX = Math.max(maxX, x)
        maxY = Math.max(maxY, y)
      }
      rings.push(ring)
    })
  }
  const pad = Math.max(maxX - minX, maxY - minY) + 1
  const bbox: [number, number, number, number] = [minX - pad, minY - pad, maxX + pad, maxY + pad]
  let current = sites.map((s) => frame.toLocal(s))
  for (let round = 0; round < rounds; round++) {
    const cells = voronoi(featureCollection(current.map((s) => point(s))), { bbox })
    current = current.map((site, i) => {
      const ring = cells.features[i]?.geometry?.coordinates[0]
      if (ring === undefined) throw new RangeError(`site ${i} has no Voronoi cell (duplicate site)`)
      const cell = ring.slice(0, -1).map((p) => [p[0], p[1]] as XY)
      let mass = 0
      let mx = 0
      let my = 0
      for (const r of rings) {
        const [a, x, y] = clippedMoments(r, cell)
        mass += a
        mx += x
        my += y
      }
      if (Math.abs(mass) < 1e-12) return site
      const centroid: XY = [mx / mass, my / mass]
      const [lng, lat] = frame.toLngLat(centroid)
      return pointInPolygon(lng, lat, parent) ? centroid : site
    })
  }
  return current.map((s) => frame.toLngLat(s))
}

/**
 * Signed area and first moments of `subject ∩ cell`. Sutherland–Hodgman is exact for a convex clip window;
 * where the result should be several pieces it joins them by zero-area bridges, which add nothing.
 */
function clippedMoments(subject: XY[], cell: XY[]): [number, number, number] {
  const output = clipToConvex(subject, cell)
  let twice = 0
  let mx = 0
  let my = 0
  for (let i = 0; i < output.length; i++) {
    const [x0, y0] = output[i] as XY
    const [x1, y1] = output[(i + 1) % output.length] as XY
    const cross = x0 * y1 - x1 * y0
    twice += cross
    mx += (x0 + x1) * cross
    my += (y0 + y1) * cross
  }
  return [twice / 2, mx / 6, my / 6]
}
