/**
 * Where a gate camera stands on a site's outline: the midpoint of the edge that faces the compass
 * direction best, pulled a little towards the middle so the point lies inside the site (and the
 * locator gives the site's own micro-grid, not its neighbour across the road).
 */
import type { Position } from 'geojson'

export const COMPASS = { 东: [1, 0], 南: [0, -1], 西: [-1, 0], 北: [0, 1] } as const
export type CompassGate = keyof typeof COMPASS

/** Share of the way from the edge towards the centre: ~1–3 m on a typical site. */
const INSET = 0.04

/**
 * @example
 * gatePoint([[0,0],[2,0],[2,1],[0,1],[0,0]], '东') // [1.96, 0.5]
 */
export function gatePoint(ring: readonly Position[], gate: CompassGate): [number, number] {
  if (ring.length < 4) throw new TypeError('ring must be a closed ring of at least 4 positions')
  const [dx, dy] = COMPASS[gate]
  let cx = 0
  let cy = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    cx += (ring[i] as Position)[0] as number
    cy += (ring[i] as Position)[1] as number
  }
  cx /= ring.length - 1
  cy /= ring.length - 1
  let best: [number, number] = [cx, cy]
  let bestScore = -Infinity
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position
    const b = ring[i + 1] as Position
    const mx = ((a[0] as number) + (b[0] as number)) / 2
    const my = ((a[1] as number) + (b[1] as number)) / 2
    const score = (mx - cx) * dx + (my - cy) * dy
    if (score > bestScore) {
      bestScore = score
      best = [mx, my]
    }
  }
  const round7 = (x: number) => Math.round(x * 1e7) / 1e7
  return [round7(best[0] + (cx - best[0]) * INSET), round7(best[1] + (cy - best[1]) * INSET)]
}
