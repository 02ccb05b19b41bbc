import { describe, expect, it } from 'vitest'
import { wallFit, wallTransform } from './wall-scale.ts'

describe('wallFit', () => {
  it('is 1 at the design size', () => {
    expect(wallFit(1920, 1080)).toEqual({ scale: 1, offsetX: 0, offsetY: 0 })
  })

  it('scales up uniformly on a 4K wall', () => {
    expect(wallFit(3840, 2160)).toEqual({ scale: 2, offsetX: 0, offsetY: 0 })
  })

  it('letterboxes a taller viewport top and bottom', () => {
    expect(wallFit(1920, 1200)).toEqual({ scale: 1, offsetX: 0, offsetY: 60 })
  })

  it('pillarboxes a wider viewport left and right', () => {
    const fit = wallFit(5760, 1080) // three 1080p panels side by side
    expect(fit).toEqual({ scale: 1, offsetX: 1920, offsetY: 0 })
  })

  it('scales down for a small window', () => {
    const fit = wallFit(1280, 800)
    expect(fit.scale).toBeCloseTo(2 / 3)
    expect(fit.offsetX).toBeCloseTo(0)
    expect(fit.offsetY).toBeCloseTo(40)
  })

  it('collapses to zero for an empty or nonsensical viewport', () => {
    expect(wallFit(0, 1080)).toEqual({ scale: 0, offsetX: 0, offsetY: 0 })
    expect(wallFit(Number.NaN, 1080)).toEqual({ scale: 0, offsetX: 0, offsetY: 0 })
  })

  it('refuses a non-positive design size', () => {
    expect(() => wallFit(100, 100, 0, 1080)).toThrow('design size must be positive, got 0×1080')
  })
})

describe('wallTransform', () => {
  it('translates then scales', () => {
    expect(wallTransform({ scale: 0.5, offsetX: 10, offsetY: 20 })).toBe('translate(10px, 20px) scale(0.5)')
  })
})
