import { describe, expect, it } from 'vitest'
import { oldestPeriodDay, periodBounds, shanghaiDay } from './kpi-periods.ts'

const at = (iso: string) => Date.parse(iso)

describe('KPI periods in Beijing time', () => {
  it('starts today at Beijing midnight, on either side of it', () => {
    // 23:59:59 on Sunday 31 May, Beijing (15:59:59 UTC).
    expect(periodBounds('today', at('2026-05-31T23:59:59+08:00')).since).toBe('2026-05-30T16:00:00.000Z')
    // One second later it is Monday 1 June: a new day, a new week and a new month.
    const monday = at('2026-06-01T00:00:00+08:00')
    expect(periodBounds('today', monday).since).toBe('2026-05-31T16:00:00.000Z')
    expect(periodBounds('week', monday).since).toBe('2026-05-31T16:00:00.000Z')
    expect(periodBounds('month', monday).since).toBe('2026-05-31T16:00:00.000Z')
    expect(periodBounds('today', monday).until).toBe('2026-05-31T16:00:00.000Z')
  })

  it('takes the Beijing date, not the UTC one, in the early hours', () => {
    // 07:30 Beijing on 2 June is still 1 June in UTC.
    const now = at('2026-06-02T07:30:00+08:00')
    expect(periodBounds('today', now).since).toBe('2026-06-01T16:00:00.000Z')
    expect(shanghaiDay(now)).toBe(shanghaiDay(at('2026-06-02T00:00:00+08:00')))
    expect(shanghaiDay(now)).not.toBe(shanghaiDay(at('2026-06-01T23:59:59+08:00')))
  })

  it('starts the week on Monday 00:00, whichever day it is', () => {
    const monday = '2026-05-24T16:00:00.000Z' // Monday 25 May 00:00 Beijing
    for (const day of ['2026-05-25T00:00:00+08:00', '2026-05-27T12:00:00+08:00', '2026-05-31T23:59:59+08:00']) {
      expect(periodBounds('week', at(day)).since).toBe(monday)
    }
    // Sunday 24 May 23:59 belongs to the week before.
    expect(periodBounds('week', at('2026-05-24T23:59:00+08:00')).since).toBe('2026-05-17T16:00:00.000Z')
  })

  it('starts the month on the 1st, across a year end and a leap February', () => {
    expect(periodBounds('month', at('2026-12-31T23:00:00+08:00')).since).toBe('2026-11-30T16:00:00.000Z')
    expect(periodBounds('month', at('2027-01-01T00:30:00+08:00')).since).toBe('2026-12-31T16:00:00.000Z')
    expect(periodBounds('month', at('2028-02-29T10:00:00+08:00')).since).toBe('2028-01-31T16:00:00.000Z')
  })

  it('reaches back to last month when the week began in it', () => {
    // Wednesday 3 June: the week began on Monday 1 June, the month on the 1st: the same day.
    expect(oldestPeriodDay(at('2026-06-03T09:00:00+08:00'))).toBe(shanghaiDay(at('2026-06-01T00:00:00+08:00')))
    // Tuesday 1 December: the week began on Monday 30 November.
    expect(oldestPeriodDay(at('2026-12-01T09:00:00+08:00'))).toBe(shanghaiDay(at('2026-11-30T00:00:00+08:00')))
  })
})
