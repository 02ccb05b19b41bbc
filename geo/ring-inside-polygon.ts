/**
 * Whether a small polygon lies wholly inside a (possibly concave, holed or multi-part) polygon: the test
 * that keeps each dedicated grid inside its community and each compound inside its grid.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { pointInPolygon } from './point-in-polygon.ts'

/**
 * True when the open ring `ring` (`[lng, lat]` vertices) lies inside `geometry` without touching its border:
 * every vertex is inside, no edge of `ring` meets an edge of `geometry` (touching counts as meeting), and no
 * vertex of `geometry` (a hole, a notch) lies inside `ring`. Exact for any simple ring; callers keep a margin
 * of metres, so the float edge cases of touching never matter.
 *
 * @example
 * const grid = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]] } as const
 * ringInsidePolygon([[1, 1], [2, 1], [2, 2], [1, 2]], grid) // true
 * ringInsidePolygon([[3, 3], [5, 3], [5, 5], [3, 5]], grid) // false
 */
export function ringInsidePolygon(ring: readonly Position[], geometry: Polygon | MultiPolygon): boolean {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of ring) {
    const x = p[0] as number
    const y = p[1] as number
    if (!pointInPolygon(x, y, geometry)) return false
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  const own: Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] }
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  for (const rings of polygons) {
    for (const border of rings) {
      for (let i = 0; i + 1 < border.length; i++) {
        const a = border[i] as Position
        const b = border[i + 1] as Position
        const ax = a[0] as number
        const ay = a[1] as number
        const bx = b[0] as number
        const by = b[1] as number
        // Most border edges are nowhere near a small ring: skip them on their bounding box.
        if (Math.max(ax, bx) < minX || Math.min(ax, bx) > maxX || Math.max(ay, by) < minY || Math.min(ay, by) > maxY) continue
        if (pointInPolygon(ax, ay, own)) return false
        for (let k = 0; k < ring.length; k++) {
          const p = ring[k] as Position
          const q = ring[(k + 1) % ring.length] as Position
          if (segmentsMeet(ax, ay, bx, by, p[0] as number, p[1] as number, q[0] as number, q[1] as number)) return false
        }
      }
    }
  }
  return true
}

/** Whether segments AB and CD share a point (crossing, touching or overlapping). */
function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay)
  const d2 = orient(cx, cy, dx, dy, bx, by)
  const d3 = orient(ax, ay, bx, by, cx, cy)
  const d4 = orient(ax, ay, bx, by, dx, dy)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true
  return (
    (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy))
  )
}

function orient(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  return (qx - px) * (ry - py) - (qy - py) * (rx - px)
}

/** For a point R known to be collinear with PQ: whether it lies between them. */
function onSegment(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy)
}
