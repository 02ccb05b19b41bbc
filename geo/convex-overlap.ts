/**
 * Whether two convex polygons overlap, by the separating-axis theorem. The site generator keeps every
 * dedicated grid, compound and building apart with it: its shapes are all convex, and a handful of dot
 * products per pair is far cheaper than clipping.
 */
import type { XY } from './local-frame.ts'

/**
 * True when the interiors of convex rings `a` and `b` (open, either winding, any planar frame) overlap.
 * Rings that only touch along an edge or at a corner do not overlap.
 *
 * @example
 * const square = (x: number): XY[] => [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1]]
 * convexOverlap(square(0), square(0.5)) // true
 * convexOverlap(square(0), square(1))   // false: they share an edge
 */
export function convexOverlap(a: readonly XY[], b: readonly XY[]): boolean {
  return !hasSeparatingEdge(a, b) && !hasSeparatingEdge(b, a)
}

/** Whether the normal of one of `ring`'s edges separates the two rings' projections. */
function hasSeparatingEdge(ring: readonly XY[], other: readonly XY[]): boolean {
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as XY
    const q = ring[(i + 1) % ring.length] as XY
    const nx = p[1] - q[1]
    const ny = q[0] - p[0]
    let minA = Infinity
    let maxA = -Infinity
    for (const [x, y] of ring) {
      const d = nx * x + ny * y
      if (d < minA) minA = d
      if (d > maxA) maxA = d
    }
    let minB = Infinity
    let maxB = -Infinity
    for (const [x, y] of other) {
      const d = nx * x + ny * y
      if (d < minB) minB = d
      if (d > maxB) maxB = d
    }
    if (maxA <= minB || maxB <= minA) return true
  }
  return false
}
