/**
 * The convex outlines the site generator draws, in the planar km frame: oriented rectangles (schools,
 * compounds, buildings), rectangles with cut corners (old 院落, hospitals), and polygons inscribed in an
 * ellipse (parks). Every outline is convex, so `convexOverlap` is exact on them, and counter-clockwise,
 * which stays RFC 7946's winding after the (orientation-preserving) map back to lng/lat.
 */
import type { XY } from './local-frame.ts'
import type { Random } from './seeded-random.ts'

/** A rectangle of half-sizes `halfU` × `halfV` centred on `center`, its u axis turned `angle` radians from east. */
export interface OrientedBox {
  center: XY
  halfU: number
  halfV: number
  angle: number
}

/**
 * The point at (u, v) in the box's own axes, measured from its centre.
 * @example boxPoint({ center: [1, 1], halfU: 2, halfV: 1, angle: 0 }, 2, 1) // [3, 2]
 */
export function boxPoint(box: OrientedBox, u: number, v: number): XY {
  const c = Math.cos(box.angle)
  const s = Math.sin(box.angle)
  return [box.center[0] + u * c - v * s, box.center[1] + u * s + v * c]
}

/**
 * The box's four corners, counter-clockwise from its south-west (−u, −v) corner; `grow` widens every side.
 * @example boxRing({ center: [0, 0], halfU: 1, halfV: 1, angle: 0 }) // [[-1, -1], [1, -1], [1, 1], [-1, 1]]
 */
export function boxRing(box: OrientedBox, grow = 0): XY[] {
  // Sixteen thousand buildings and every placement try come through here: one cos and one sin per box.
  const c = Math.cos(box.angle)
  const s = Math.sin(box.angle)
  const [x, y] = box.center
  const ux = (box.halfU + grow) * c
  const uy = (box.halfU + grow) * s
  const vx = -(box.halfV + grow) * s
  const vy = (box.halfV + grow) * c
  return [[x - ux - vx, y - uy - vy], [x + ux - vx, y + uy - vy], [x + ux + vx, y + uy + vy], [x - ux + vx, y - uy + vy]]
}

/**
 * The box with some corners cut off diagonally, each cut at most `maxCut` along both edges it shortens
 * (and at most a third of the shorter side), so the outline stays convex and anything kept `maxCut` inside
 * the box's border stays inside the outline. Each corner is cut with probability `chance`.
 *
 * @example
 * cutCornerRing(rng, { center: [0, 0], halfU: 0.1, halfV: 0.08, angle: 0.3 }, 0.01, 0.5) // 4 to 8 corners
 */
export function cutCornerRing(rng: Random, box: OrientedBox, maxCut: number, chance: number): XY[] {
  const limit = Math.min(maxCut, (2 * Math.min(box.halfU, box.halfV)) / 3)
  const corners: [number, number][] = [[-1, -1], [1, -1], [1, 1], [-1, 1]]
  const ring: XY[] = []
  for (const [su, sv] of corners) {
    const u = su * box.halfU
    const v = sv * box.halfV
    if (limit > 0 && rng.next() < chance) {
      const cut = rng.range(0.4, 1) * limit
      // Counter-clockwise: the corner is reached along one axis and left along the other.
      const alongUFirst = su * sv < 0
      if (alongUFirst) {
        ring.push(boxPoint(box, u - su * cut, v), boxPoint(box, u, v - sv * cut))
      } else {
        ring.push(boxPoint(box, u, v - sv * cut), boxPoint(box, u - su * cut, v))
      }
    } else {
      ring.push(boxPoint(box, u, v))
    }
  }
  return ring
}

/**
 * A convex polygon of `vertices` corners on the ellipse of half-axes `halfU` × `halfV` (turned `angle`)
 * around `center`, at irregular angles: an organic park outline that is still convex. `grow` scales it
 * out from the centre by that distance along the shorter half-axis, for a margin around it.
 *
 * @example
 * ellipseRing(rng, [0, 0], 0.3, 0.2, 0.5, 9) // 9 corners on that ellipse
 */
export function ellipseRing(rng: Random, center: XY, halfU: number, halfV: number, angle: number, vertices: number): XY[] {
  const step = (2 * Math.PI) / vertices
  const start = rng.next() * step
  const ring: XY[] = []
  const box: OrientedBox = { center, halfU, halfV, angle }
  for (let i = 0; i < vertices; i++) {
    const t = start + (i + rng.range(-0.3, 0.3)) * step
    ring.push(boxPoint(box, halfU * Math.cos(t), halfV * Math.sin(t)))
  }
  return ring
}

/**
 * `ring` scaled about `center` so that it grows by about `by` (km) where it is `radius` from the centre.
 * @example scaleRing([[1, 0], [0, 1], [-1, 0]], [0, 0], 1, 0.1) // [[1.1, 0], [0, 1.1], [-1.1, 0]]
 */
export function scaleRing(ring: readonly XY[], center: XY, radius: number, by: number): XY[] {
  const k = (radius + by) / radius
  return ring.map(([x, y]) => [center[0] + (x - center[0]) * k, center[1] + (y - center[1]) * k])
}
