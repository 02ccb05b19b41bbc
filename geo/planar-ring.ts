/**
 * Small operations on open rings in a planar frame (local km or degrees): signed area, bounding box,
 * and clipping against a convex window. Shared by the district generator, Lloyd relaxation and the
 * Voronoi splitter, whose hot loops run them thousands of times.
 */
import type { XY } from './local-frame.ts'

/**
 * Signed shoelace area of an open ring; positive when counter-clockwise.
 * @example signedArea([[0, 0], [1, 0], [0, 1]]) // 0.5
 */
export function signedArea(ring: readonly XY[]): number {
  let twice = 0
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as XY
    const [x1, y1] = ring[(i + 1) % ring.length] as XY
    twice += x0 * y1 - x1 * y0
  }
  return twice / 2
}

/**
 * `[minX, minY, maxX, maxY]` of a list of points (Infinity / -Infinity when empty).
 * @example pointsBbox([[1, 2], [3, 0]]) // [1, 0, 3, 2]
 */
export function pointsBbox(points: Iterable<XY>): [number, number, number, number] {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const [x, y] of points) {
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  return [minX, minY, maxX, maxY]
}

/**
 * `subject ∩ window` by Sutherland–Hodgman, exact when the window is convex (a Voronoi cell). Where
 * the result should be several pieces it joins them by zero-area bridges, which add nothing to an
 * area or a moment, so callers that integrate over the result need not split it.
 * @example clipToConvex(square, triangle) // the part of the square inside the triangle
 */
export function clipToConvex(subject: XY[], window: readonly XY[]): XY[] {
  const orientation = Math.sign(signedArea(window))
  let output = subject
  for (let i = 0; i < window.length && output.length > 0; i++) {
    const a = window[i] as XY
    const b = window[(i + 1) % window.length] as XY
    const side = (p: XY): number => orientation * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]))
    const input = output
    output = []
    for (let j = 0; j < input.length; j++) {
      const p = input[j] as XY
      const q = input[(j + 1) % input.length] as XY
      const sp = side(p)
      const sq = side(q)
      if (sp >= 0) output.push(p)
      if (sp >= 0 !== sq >= 0) {
        const t = sp / (sp - sq)
        output.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])])
      }
    }
  }
  return output
}
