import { describe, expect, it } from 'vitest'
import type { Summons } from '../../domain/cases.ts'
import { flagOverdue, overdueSummons } from './summons.ts'

const s = (department: string, over: Partial<Summons> = {}): Summons =>
  ({ department, at: '2026-05-22T10:00:00.000Z', dueBy: '2026-05-22T10:30:00.000Z', late: false, ...over })
const at = (hhmm: string) => Date.parse(`2026-05-22T${hhmm}:00.000Z`)

describe('late summons', () => {
  it('are those past due with nobody arrived and not flagged yet', () => {
    const summons = [s('police'), s('fire', { arrivedAt: '2026-05-22T10:20:00.000Z' }), s('gas', { late: true }), s('water', { acceptedAt: '2026-05-22T10:05:00.000Z' })]
    expect(overdueSummons({ summons }, at('10:30'))).toEqual([])
    expect(overdueSummons({ summons }, at('10:31'))).toEqual(['police', 'water'])
    expect(flagOverdue(summons, at('10:31')).map((x) => x.late)).toEqual([true, false, true, true])
    expect(overdueSummons({}, at('23:00'))).toEqual([])
  })
})
