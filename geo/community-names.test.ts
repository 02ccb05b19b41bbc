import { describe, expect, it } from 'vitest'
import { communityName } from './community-names.ts'
import { createRandom } from './seeded-random.ts'

describe('communityName', () => {
  it('makes unique Chengdu-style …社区 names, the same ones for the same seed', () => {
    const draw = (): string[] => {
      const rng = createRandom('names')
      const taken = new Set<string>()
      return Array.from({ length: 200 }, () => communityName(rng, taken))
    }
    const names = draw()
    expect(new Set(names).size).toBe(200)
    for (const name of names) expect(name).toMatch(/^[\u4e00-\u9fff]{2,3}社区$/)
    expect(draw()).toEqual(names)
  })

  it('adds the names it returns to the taken set and never returns a taken one', () => {
    const rng = createRandom('taken')
    const taken = new Set(['建设路社区'])
    const name = communityName(rng, taken)
    expect(name).not.toBe('建设路社区')
    expect(taken.has(name)).toBe(true)
  })
})
