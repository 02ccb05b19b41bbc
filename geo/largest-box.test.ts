import { describe, expect, it } from 'vitest'
import { largestBox, ringHalfPlanes } from './largest-box.ts'
import type { XY } from './local-frame.ts'
import { boxRing } from './site-shapes.ts'

const unitSquare: XY[] = [[0, 0], [1, 0], [1, 1], [0, 1]]

describe('largestBox', () => {
  it('finds the largest box of given proportions and angle in a convex region', () => {
    const fit = largestBox(ringHalfPlanes(unitSquare), 0, 1, 0.5, 10)!
    expect(fit.scale).toBeCloseTo(0.5, 12)
    expect(fit.center[0]).toBeCloseTo(0.5, 12)
    // Turned 45°, a square box fits the unit square at half-diagonal 0.5: half-side √2/4.
    const turned = largestBox(ringHalfPlanes(unitSquare), Math.PI / 4, 1, 1, 10)!
    expect(turned.scale).toBeCloseTo(Math.SQRT2 / 4, 12)
  })

  it('stops at maxScale, and says so when nothing fits', () => {
    expect(largestBox(ringHalfPlanes(unitSquare), 0, 0.1, 0.1, 2)!.scale).toBe(2)
    const empty = [...ringHalfPlanes(unitSquare), { nx: 1, ny: 0, d: 2 }] // x ≥ 2: outside the square
    expect(largestBox(empty, 0, 1, 1, 10)).toBeNull()
  })

  it('keeps the box inside every half-plane', () => {
    const hexagon: XY[] = Array.from({ length: 6 }, (_, i) => [Math.cos((i * Math.PI) / 3), Math.sin((i * Math.PI) / 3)])
    const planes = ringHalfPlanes(hexagon)
    for (const angle of [0, 0.3, 1.1]) {
      const fit = largestBox(planes, angle, 0.6, 0.35, 10)!
      const corners = boxRing({ center: fit.center, angle, halfU: 0.6 * fit.scale, halfV: 0.35 * fit.scale })
      for (const [x, y] of corners) for (const p of planes) expect(p.nx * x + p.ny * y).toBeGreaterThanOrEqual(p.d - 1e-9)
      expect(fit.scale).toBeGreaterThan(1)
    }
  })
})
