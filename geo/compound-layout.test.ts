import { describe, expect, it } from 'vitest'
import { fitLayout, layoutHalfSize, planLayout, shrinkLayout, slotCenter } from './compound-layout.ts'
import { createRandom } from './seeded-random.ts'

describe('compound layout', () => {
  it('plans room for the buildings asked, slots inside the setback and apart', () => {
    const rng = createRandom('layout')
    for (const old of [true, false]) {
      for (const capacity of [1, 7, 40]) {
        const plan = planLayout(rng, old, capacity)
        expect(plan.rows * plan.cols).toBeGreaterThanOrEqual(capacity)
        const { halfU, halfV } = layoutHalfSize(plan)
        const length = plan.unitWidth * plan.maxUnits
        for (let i = 0; i < plan.rows * plan.cols; i++) {
          const [u, v] = slotCenter(plan, i)
          expect(Math.abs(u) + length / 2).toBeLessThanOrEqual(halfU - plan.setback + 1e-12)
          expect(Math.abs(v) + plan.depth / 2).toBeLessThanOrEqual(halfV - plan.setback + 1e-12)
        }
        expect(plan.pitchU).toBeGreaterThan(length)
        expect(plan.pitchV).toBeGreaterThan(plan.depth)
      }
    }
  })

  it('refits a plan to the room found, and shrinks it a row or column at a time', () => {
    const plan = planLayout(createRandom('fit'), true, 24)
    const { halfU, halfV } = layoutHalfSize(plan)
    expect(fitLayout(plan, halfU, halfV)).toMatchObject({ rows: plan.rows, cols: plan.cols })
    expect(fitLayout(plan, plan.setback, plan.setback)).toBeNull()
    const smaller = shrinkLayout(plan)!
    expect(smaller.rows * smaller.cols).toBeLessThan(plan.rows * plan.cols)
    expect(shrinkLayout({ ...plan, rows: 1, cols: 1 })).toBeNull()
  })
})
