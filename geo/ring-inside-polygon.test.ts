import type { MultiPolygon, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { ringInsidePolygon } from './ring-inside-polygon.ts'

const box = (x: number, y: number, w: number, h = w): [number, number][] => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]]

describe('ringInsidePolygon', () => {
  const grid: Polygon = { type: 'Polygon', coordinates: [[...box(0, 0, 4), [0, 0]]] }

  it('accepts a ring well inside and refuses one that crosses or touches the border', () => {
    expect(ringInsidePolygon(box(1, 1, 1), grid)).toBe(true)
    expect(ringInsidePolygon(box(3, 3, 2), grid)).toBe(false)
    expect(ringInsidePolygon(box(0, 1, 1), grid)).toBe(false) // on the border
  })

  it('refuses a ring whose corners are all inside but which a notch cuts through', () => {
    // A U shape: the notch from the top reaches down between the ring's corners.
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [2.2, 4], [2.2, 1.5], [1.8, 1.5], [1.8, 4], [0, 4], [0, 0]]] }
    expect(ringInsidePolygon(box(1, 0.5, 2, 2), u)).toBe(false)
    expect(ringInsidePolygon(box(1, 0.5, 2, 0.5), u)).toBe(true)
  })

  it('refuses a ring around a hole, and looks in every part of a MultiPolygon', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [grid.coordinates[0]!, [[1.5, 1.5], [1.5, 1.7], [1.7, 1.7], [1.7, 1.5], [1.5, 1.5]]] }
    expect(ringInsidePolygon(box(1, 1, 1), holed)).toBe(false)
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [grid.coordinates, [[...box(10, 0, 4), [10, 0]]]] }
    expect(ringInsidePolygon(box(11, 1, 1), multi)).toBe(true)
    expect(ringInsidePolygon(box(3.5, 1, 7), multi)).toBe(false) // spans the gap between the parts
  })
})
