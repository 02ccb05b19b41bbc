/**
 * Where to put a polygon's name. The centroid is right for compact shapes but can fall outside a
 * concave one (a crescent-shaped street), so it is checked and, if outside, moved to the middle of
 * the widest stretch of the polygon on the centroid's latitude.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'

type Ring = readonly Position[]

function ringArea(ring: Ring): number {
  let a = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? []
    const [xj = 0, yj = 0] = ring[j] ?? []
    a += xj * yi - xi * yj
  }
  return a / 2
}

function ringCentroid(ring: Ring): [number, number] {
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? []
    const [xj = 0, yj = 0] = ring[j] ?? []
    const f = xj * yi - xi * yj
    a += f
    cx += (xj + xi) * f
    cy += (yj + yi) * f
  }
  if (a === 0) {
    const [x = 0, y = 0] = ring[0] ?? []
    return [x, y]
  }
  return [cx / (3 * a), cy / (3 * a)]
}

/** x positions where the horizontal line at `y` crosses the rings' edges, sorted. */
function crossings(rings: readonly Ring[], y: number): number[] {
  const xs: number[] = []
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? []
      const [xj = 0, yj = 0] = ring[j] ?? []
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi))
    }
  }
  return xs.sort((a, b) => a - b)
}

function inside(rings: readonly Ring[], [x, y]: [number, number]): boolean {
  // Even-odd: the number of crossings left of the point is odd inside (holes count too).
  return crossings(rings, y).filter((cx) => cx < x).length % 2 === 1
}

/**
 * A point inside the polygon (the largest part of a MultiPolygon) to anchor its label.
 *
 * @example
 * labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let best: Position[][] | undefined
  let bestArea = 0
  for (const p of polygons) {
    const area = Math.abs(ringArea(p[0] ?? []))
    if (area > bestArea) {
      best = p
      bestArea = area
    }
  }
  if (!best || !best[0]) return null
  const c = ringCentroid(best[0])
  if (inside(best, c)) return c
  const xs = crossings(best, c[1])
  let mid: [number, number] | null = null
  let widest = 0
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const a = xs[i] ?? 0
    const b = xs[i + 1] ?? 0
    if (b - a > widest) {
      widest = b - a
      mid = [(a + b) / 2, c[1]]
    }
  }
  return mid ?? c
}
