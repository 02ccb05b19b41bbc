/** The fixtures the web side is built against must be what the contract allows the server to send. */
import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { Briefing } from '../../domain/briefing.ts'
import { makeDailyBriefing, makeWeeklyBriefing } from '../testing/briefing-fixture.ts'

describe('the briefing fixtures', () => {
  it.each([
    ['daily', makeDailyBriefing()],
    ['weekly', makeWeeklyBriefing()],
  ])('the %s one matches domain/briefing.ts', (_, b) => {
    expect([...Value.Errors(Briefing, b)].map((e) => `${e.path}: ${e.message}`)).toEqual([])
  })

  it('has as many trend buckets as its period has hours or days', () => {
    expect(makeDailyBriefing().trend.buckets).toHaveLength(24)
    expect(makeWeeklyBriefing().trend.buckets).toHaveLength(7)
  })
})
