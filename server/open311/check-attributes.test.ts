import { describe, expect, it } from 'vitest'
import { findHotlineService } from '../../domain/hotline-services.ts'
import { checkAttributes } from './check-attributes.ts'
import { collectAttributes, dropEmpty } from './parse-request.ts'

const noise = findHotlineService('noise')!
const dogs = findHotlineService('dog_keeping')!
const heating = findHotlineService('heating')!

describe('collectAttributes', () => {
  it('reads form keys, multivaluelist brackets and a JSON object alike', () => {
    expect(collectAttributes({
      service_code: 'x', 'attribute[noise_type]': 'shop', 'attribute[issues][]': ['a', 'b'], attribute: { period: 'night', n: 3 },
    })).toEqual({ noise_type: ['shop'], issues: ['a', 'b'], period: ['night'], n: ['3'] })
  })
})

describe('dropEmpty', () => {
  it('treats empty parameters as absent', () => {
    expect(dropEmpty({ lat: '', long: ' ', email: null, service_code: 'noise' })).toEqual({ service_code: 'noise' })
  })
})

describe('checkAttributes', () => {
  it('accepts valid answers, typed', () => {
    expect(checkAttributes(noise, { noise_type: ['construction'], period: ['night'], started_at: ['2026-11-22T22:10'] })).toEqual({
      answers: { noise_type: 'construction', period: 'night', started_at: '2026-11-22T22:10:00+08:00' }, problems: [],
    })
    expect(checkAttributes(heating, { issue: ['not_warm'], households: ['12'] }).answers).toEqual({ issue: 'not_warm', households: 12 })
    expect(checkAttributes(dogs, { issues: ['unleashed', 'barking', 'unleashed'] }).answers).toEqual({ issues: ['unleashed', 'barking'] })
  })

  it('names every problem at once: missing, unknown key, unknown attribute, bad number, two values for one', () => {
    const { problems } = checkAttributes(heating, { issue: ['cold', 'stopped'], households: ['many'], colour: ['red'] })
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).toMatch(/no attribute 'colour'/)
    expect(problems.join('\n')).toMatch(/attribute\[issue\].*takes one value/)
    expect(problems.join('\n')).toMatch(/attribute\[households\].*must be a number/)
    expect(checkAttributes(noise, {}).problems).toEqual([
      'attribute[noise_type] (噪声类型) is required for noise (噪声扰民)',
      'attribute[period] (发生时段) is required for noise (噪声扰民)',
    ])
    expect(checkAttributes(noise, { noise_type: ['aliens'], period: ['night'] }).problems[0]).toMatch(/'aliens' is not one of construction, shop, household, traffic/)
  })

  it('refuses a date that is not one', () => {
    expect(checkAttributes(noise, { noise_type: ['shop'], period: ['day'], started_at: ['2026-02-31T10:00:00Z'] }).problems).toHaveLength(1)
    expect(checkAttributes(noise, { noise_type: ['shop'], period: ['day'], started_at: ['yesterday'] }).problems).toHaveLength(1)
  })
})
