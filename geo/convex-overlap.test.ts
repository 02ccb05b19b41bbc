import { describe, expect, it } from 'vitest'
import { convexOverlap } from './convex-overlap.ts'
import type { XY } from './local-frame.ts'

const square = (x: number, y = 0, size = 1): XY[] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size]]

describe('convexOverlap', () => {
  it('tells overlapping convex polygons from separate and touching ones', () => {
    expect(convexOverlap(square(0), square(0.5))).toBe(true)
    expect(convexOverlap(square(0), square(0.25, 0.25, 0.5))).toBe(true) // one inside the other
    expect(convexOverlap(square(0), square(1))).toBe(false) // a shared edge
    expect(convexOverlap(square(0), square(1, 1))).toBe(false) // a shared corner
    expect(convexOverlap(square(0), square(3))).toBe(false)
  })

  it('finds the separating axis on either polygon, whatever the winding', () => {
    const diamond: XY[] = [[1.6, 0.9], [2.3, 1.6], [1.6, 2.3], [0.9, 1.6]]
    // Bounding boxes overlap, but the diamond's edge separates them.
    expect(convexOverlap(square(0), diamond)).toBe(false)
    expect(convexOverlap([...diamond].reverse(), square(0))).toBe(false)
    expect(convexOverlap(square(0), diamond.map(([x, y]) => [x - 0.3, y - 0.3] as XY))).toBe(true)
  })
})
