import { describe, expect, it } from 'vitest'
import { caseRulesOptions } from './case-rules-file.ts'
import { DEFAULT_SLA } from './route-case.ts'

describe('case rules file', () => {
  it('replaces only what it names', () => {
    const opts = caseRulesOptions({
      openRules: [{ source: 'hotline', categories: ['noise'], open: false, reason: '噪声由物业处理' }],
      families: { odd: ['hotline:noise', 'sensor:smoke'] },
      tierRules: { multiEventStreet: 10 },
      sla: { byCategory: { 'hotline:noise': { acceptMin: 5, arriveMin: 10, resolveMin: 60 } } },
    })
    expect(opts.openRules).toHaveLength(1)
    expect(opts.compatible!('hotline:noise', 'sensor:smoke')).toBe(true)
    expect(opts.tierRules!.multiEventStreet).toBe(10)
    expect(opts.tierRules!.bySeverity.extreme).toBe('street')
    expect(opts.sla!.bySeverity).toEqual(DEFAULT_SLA.bySeverity)
    expect(opts.departments).toBeUndefined()
  })

  it('names what is wrong', () => {
    expect(() => caseRulesOptions({ tierRules: { multiEventStreet: 0 } })).toThrow(/multiEventStreet/)
    expect(() => caseRulesOptions({ departments: { 'hotline:noise': 'army' } })).toThrow(/departments/)
    expect(() => caseRulesOptions({ nonsense: 1 })).toThrow()
  })
})
