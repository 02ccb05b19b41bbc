import { describe, expect, it } from 'vitest'
import { DEDICATED_KINDS } from '../domain/sites.ts'
import { createRandom } from './seeded-random.ts'
import { buildingName, createSiteNamer, placeWord } from './site-names.ts'

describe('site names', () => {
  it('takes the place word from the community', () => {
    expect(placeWord('桃蹊路社区')).toBe('桃蹊路')
    expect(placeWord('东篱社区')).toBe('东篱')
  })

  it('never repeats a name, even when one community holds many sites of a kind', () => {
    const namer = createSiteNamer(createRandom('names'))
    const names = new Set<string>()
    for (let i = 0; i < 60; i++) {
      for (const kind of DEDICATED_KINDS) names.add(namer.dedicated(kind, '建设路社区', i % 2 === 0 ? 0.5 : 3))
      names.add(namer.compound(i % 2 === 0, '建设路社区'))
    }
    expect(names.size).toBe(60 * (DEDICATED_KINDS.length + 1))
  })

  it('names by kind and size, in the expected style', () => {
    const namer = createSiteNamer(createRandom('style'))
    expect(namer.dedicated('hospital', '双林社区', 0.5)).toMatch(/社区卫生服务中心$/)
    expect(namer.dedicated('hospital', '双林社区', 3)).toMatch(/医院$/)
    expect(namer.dedicated('market', '双林社区', 0.5)).toMatch(/农贸市场$/)
    expect(namer.dedicated('construction', '双林社区', 3)).toMatch(/^双林.+项目工地$/)
    expect(namer.dedicated('park', '双林社区', 20)).toMatch(/公园$/)
    expect(buildingName(3, '栋')).toBe('3栋')
    expect(buildingName(12, '号楼')).toBe('12号楼')
  })

  it('is seeded', () => {
    const draw = (seed: string) => {
      const namer = createSiteNamer(createRandom(seed))
      return [namer.dedicated('school', '双林社区', 2), namer.compound(false, '双林社区'), namer.compound(true, '双林社区')]
    }
    expect(draw('a')).toEqual(draw('a'))
  })
})
