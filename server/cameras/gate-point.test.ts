import { describe, expect, it } from 'vitest'
import { gatePoint } from './gate-point.ts'

describe('gatePoint', () => {
  const ring = [[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]

  it('takes the middle of the edge facing the gate, a little inside', () => {
    expect(gatePoint(ring, '东')).toEqual([1.96, 0.5])
    expect(gatePoint(ring, '西')).toEqual([0.04, 0.5])
    expect(gatePoint(ring, '北')).toEqual([1, 0.98])
    expect(gatePoint(ring, '南')).toEqual([1, 0.02])
  })

  it('refuses an open or empty ring', () => {
    expect(() => gatePoint([[0, 0], [1, 1]], '东')).toThrow(/closed ring/)
  })
})
