/**
 * The largest rectangle of a given shape and angle that fits in a convex region: where the compound
 * placer puts a compound in its grid. The region is an intersection of half-planes (a convex grid's edges,
 * plus one edge of each obstacle to stay behind), so this is a linear program in the box's centre and
 * scale, small enough (three unknowns, a dozen constraints) to solve by trying every corner.
 */
import type { XY } from './local-frame.ts'

/** The points p with `nx·p.x + ny·p.y ≥ d`; (nx, ny) need not be unit length. */
export interface HalfPlane {
  nx: number
  ny: number
  d: number
}

export interface BoxFit {
  center: XY
  /** The box's half-sizes are `scale·a` × `scale·b`. */
  scale: number
}

/** Slack allowed when checking a corner against the other constraints, in the planes' own units. */
const EPSILON = 1e-12

/**
 * The centre and largest scale `s ≤ maxScale` for which the box of half-sizes `s·a` (along `angle`) ×
 * `s·b` lies in every half-plane, or null when no box of positive size fits (an empty region).
 *
 * @example
 * // The unit square as four half-planes; a 2:1 box at angle 0 fits at scale 0.5 (half-sizes 0.5 × 0.25).
 * largestBox([{ nx: 1, ny: 0, d: 0 }, { nx: -1, ny: 0, d: -1 }, { nx: 0, ny: 1, d: 0 }, { nx: 0, ny: -1, d: -1 }], 0, 1, 0.5, 10)
 * // { center: [0.5, y], scale: 0.5 } for some y in [0.25, 0.75]
 */
export function largestBox(planes: readonly HalfPlane[], angle: number, a: number, b: number, maxScale: number): BoxFit | null {
  const ux = Math.cos(angle)
  const uy = Math.sin(angle)
  // Row i (four numbers): nx·cx + ny·cy − reach·s ≥ d, where reach is how far the unit box extends along
  // the normal. One flat array: this runs tens of thousands of times per city.
  const n = planes.length + 1
  const m = new Float64Array(4 * n)
  planes.forEach((p, i) => {
    m[4 * i] = p.nx
    m[4 * i + 1] = p.ny
    m[4 * i + 2] = -(a * Math.abs(p.nx * ux + p.ny * uy) + b * Math.abs(-p.nx * uy + p.ny * ux))
    m[4 * i + 3] = p.d
  })
  m[4 * n - 2] = -1
  m[4 * n - 1] = -maxScale
  let best: BoxFit | null = null
  let bestScale = 0
  for (let i = 0; i < n; i++) {
    const a0 = m[4 * i] as number, a1 = m[4 * i + 1] as number, a2 = m[4 * i + 2] as number, a3 = m[4 * i + 3] as number
    for (let j = i + 1; j < n; j++) {
      const b0 = m[4 * j] as number, b1 = m[4 * j + 1] as number, b2 = m[4 * j + 2] as number, b3 = m[4 * j + 3] as number
      for (let k = j + 1; k < n; k++) {
        const c0 = m[4 * k] as number, c1 = m[4 * k + 1] as number, c2 = m[4 * k + 2] as number, c3 = m[4 * k + 3] as number
        const det = a0 * (b1 * c2 - b2 * c1) - a1 * (b0 * c2 - b2 * c0) + a2 * (b0 * c1 - b1 * c0)
        if (Math.abs(det) < 1e-15) continue
        // Cramer's rule for the corner where all three constraints are tight.
        const s = (a0 * (b1 * c3 - b3 * c1) - a1 * (b0 * c3 - b3 * c0) + a3 * (b0 * c1 - b1 * c0)) / det
        if (!(s > bestScale)) continue
        const cx = (a3 * (b1 * c2 - b2 * c1) - a1 * (b3 * c2 - b2 * c3) + a2 * (b3 * c1 - b1 * c3)) / det
        const cy = (a0 * (b3 * c2 - b2 * c3) - a3 * (b0 * c2 - b2 * c0) + a2 * (b0 * c3 - b3 * c0)) / det
        let feasible = true
        for (let r = 0; r < n; r++) {
          if ((m[4 * r] as number) * cx + (m[4 * r + 1] as number) * cy + (m[4 * r + 2] as number) * s < (m[4 * r + 3] as number) - EPSILON) {
            feasible = false
            break
          }
        }
        if (feasible) {
          best = { center: [cx, cy], scale: s }
          bestScale = s
        }
      }
    }
  }
  return best
}

/**
 * The inner half-planes of a counter-clockwise ring's edges: their intersection is the ring itself when it
 * is convex, and a part of it otherwise.
 * @example ringHalfPlanes([[0, 0], [1, 0], [1, 1], [0, 1]]).length // 4
 */
export function ringHalfPlanes(ring: readonly XY[]): HalfPlane[] {
  const planes: HalfPlane[] = []
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as XY
    const q = ring[(i + 1) % ring.length] as XY
    const len = Math.hypot(q[0] - p[0], q[1] - p[1])
    if (len === 0) continue
    const nx = -(q[1] - p[1]) / len
    const ny = (q[0] - p[0]) / len
    planes.push({ nx, ny, d: nx * p[0] + ny * p[1] })
  }
  return planes
}
