import { describe, expect, it } from 'vitest'
import { timeSlices } from './time-slices.ts'

describe('timeSlices', () => {
  it('covers the range in order, the last slice cut short', () => {
    expect([...timeSlices(0, 25, 10)]).toEqual([[0, 10], [10, 20], [20, 25]])
    expect([...timeSlices(0, 20, 10)]).toEqual([[0, 10], [10, 20]])
  })

  it('gives nothing for an empty range, and refuses a slice that is not positive', () => {
    expect([...timeSlices(5, 5, 10)]).toEqual([])
    expect(() => [...timeSlices(0, 5, 0)]).toThrow(/sliceMs must be positive/)
  })
})
