import { describe, expect, it } from 'vitest'
import { makeUnit } from '../testing/case-fixture.ts'
import { distanceM, formatDistance } from './distance.ts'
import { unitChoices } from './unit-choices.ts'

describe('distanceM', () => {
  it('measures great-circle metres', () => {
    // One degree of latitude is about 111.2 km anywhere.
    expect(distanceM({ lng: 104, lat: 30 }, { lng: 104, lat: 31 })).toBeCloseTo(111_195, -2)
    expect(distanceM({ lng: 104.1, lat: 30.66 }, { lng: 104.1, lat: 30.66 })).toBe(0)
    expect([formatDistance(849.6), formatDistance(1_234)]).toEqual(['850 m', '1.2 km'])
  })
})

describe('unitChoices', () => {
  it('lists only units that may be sent, the nearest first, in words', () => {
    const at = { lng: 104.1, lat: 30.66 }
    const units = [
      makeUnit('far', { location: { lng: 104.12, lat: 30.66 } }),
      makeUnit('busy', { status: 'en_route', caseId: 'C-1' }),
      makeUnit('near', { status: 'cleared', location: { lng: 104.101, lat: 30.66 } }),
      makeUnit('team', { kind: 'department_team', department: 'fire', location: { lng: 104.105, lat: 30.66 } }),
    ]
    const list = unitChoices(units, at, 'zh-CN')
    expect(list.map((u) => [u.id, u.kind, u.status, u.department, u.distance])).toEqual([
      ['near', '网格员', '已完成', null, '96 m'],
      ['team', '部门力量', '待命', '消防救援', '478 m'],
      ['far', '网格员', '待命', null, '1.9 km'],
    ])
  })
})
