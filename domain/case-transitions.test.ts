import { describe, expect, it } from 'vitest'
import { CASE_TRANSITIONS } from './case-transitions.ts'
import { FINISHED_STATUSES } from './cases.ts'

describe('CASE_TRANSITIONS', () => {
  it('keeps a status only where the action may start', () => {
    for (const [action, rule] of Object.entries(CASE_TRANSITIONS)) {
      for (const s of rule.keep ?? []) expect(rule.from, `${action} keeps ${s}`).toContain(s)
    }
  })

  it('lets a cancelled case do nothing, and a finished one only be closed or visited back', () => {
    const fromFinished = Object.entries(CASE_TRANSITIONS).filter(([, r]) => r.from.some((s) => FINISHED_STATUSES.includes(s))).map(([a]) => a)
    expect(fromFinished.sort()).toEqual(['close', 'return_visit'])
    expect(Object.values(CASE_TRANSITIONS).some((r) => r.from.includes('cancelled'))).toBe(false)
  })
})
