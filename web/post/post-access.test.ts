import { describe, expect, it } from 'vitest'
import { canActOn, canPickStreet, defaultStreet, streetRedirect } from './post-access.ts'

const street = { username: 'street-510108003', role: 'street' as const, scope: { level: 'street' as const, id: '510108003' } }
const district = { username: 'district', role: 'district' as const, scope: { level: 'district' as const, id: '510108' } }
const leader = { username: 'leader', role: 'leader' as const, scope: { level: 'district' as const, id: '510108' } }

describe('post access', () => {
  it('sends a street user to their own street, and anyone else to the first', () => {
    expect(defaultStreet(street, ['510108001'])).toBe('510108003')
    expect(defaultStreet(district, ['510108001', '510108002'])).toBe('510108001')
    expect(defaultStreet(district, [])).toBeNull()
    expect(streetRedirect(street, '510108001')).toBe('510108003')
    expect(streetRedirect(street, '510108003')).toBeNull()
    expect(streetRedirect(district, '510108001')).toBeNull()
  })

  it('lets dispatchers act on streets in their scope, and leaders only look', () => {
    expect(canActOn(street, '510108003')).toBe(true)
    expect(canActOn(street, '510108001')).toBe(false)
    expect(canActOn(district, '510108001')).toBe(true)
    expect(canActOn(leader, '510108001')).toBe(false)
    expect(canActOn(null, '510108001')).toBe(false)
    expect([canPickStreet(street), canPickStreet(district), canPickStreet(leader)]).toEqual([false, true, true])
  })
})
