import { describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import { overdue } from './sla-escalation.ts'

const c = (over: Partial<Case>): Case => ({
  id: 'C-1', status: 'new', tier: 'microgrid', path: { district: 'D', street: 'S', community: 'C', grid: 'G', microgrid: 'M' },
  location: { lng: 104.1, lat: 30.66 }, category: 'noise', source: 'hotline', severity: 'minor', title: 't', eventIds: ['E1'], eventCount: 1,
  department: null, openedAt: '2026-05-22T10:00:00.000Z', updatedAt: '2026-05-22T10:00:00.000Z',
  deadlines: { acceptBy: '2026-05-22T10:10:00.000Z', arriveBy: '2026-05-22T10:30:00.000Z', resolveBy: '2026-05-22T12:00:00.000Z' },
  escalations: 0, ...over,
})
const at = (hhmm: string) => Date.parse(`2026-05-22T${hhmm}:00.000Z`)

describe('SLA overdue', () => {
  it('checks the deadline that applies to where the case stands', () => {
    expect(overdue(c({}), at('10:05'))).toBeUndefined()
    expect(overdue(c({}), at('10:11'))?.deadline).toBe('acceptBy')
    expect(overdue(c({ status: 'assigned' }), at('10:11'))?.reason).toMatch(/接单超时/)
    expect(overdue(c({ status: 'accepted' }), at('10:20'))).toBeUndefined()
    expect(overdue(c({ status: 'accepted' }), at('10:31'))?.deadline).toBe('arriveBy')
    expect(overdue(c({ status: 'on_scene' }), at('10:31'))).toBeUndefined()
    expect(overdue(c({ status: 'on_scene' }), at('12:01'))?.deadline).toBe('resolveBy')
  })

  it('moves nothing at the street, nor a finished case', () => {
    expect(overdue(c({ tier: 'street' }), at('23:00'))).toBeUndefined()
    expect(overdue(c({ status: 'resolved' }), at('23:00'))).toBeUndefined()
    expect(overdue(c({ status: 'cancelled' }), at('23:00'))).toBeUndefined()
  })
})
