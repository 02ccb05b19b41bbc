import { describe, expect, it } from 'vitest'
import { briefingPeriod, dateDay, dayDate } from './briefing-period.ts'

describe('briefingPeriod', () => {
  it('is a Beijing calendar day against the day before, in hours', () => {
    const p = briefingPeriod('daily', dateDay('2026-12-07')!)
    expect(new Date(p.sinceMs).toISOString()).toBe('2026-12-06T16:00:00.000Z')
    expect(new Date(p.untilMs).toISOString()).toBe('2026-12-07T16:00:00.000Z')
    expect(dayDate(p.previous.startDay)).toBe('2026-12-06')
    expect(p.labels).toHaveLength(24)
    expect(p.labels[8]).toBe('08:00')
  })

  it('is the Monday-to-Sunday week holding the date, against the week before', () => {
    const p = briefingPeriod('weekly', dateDay('2026-12-09')!)
    expect(dayDate(p.startDay)).toBe('2026-12-07')
    expect(dayDate(p.endDay)).toBe('2026-12-13')
    expect(dayDate(p.previous.startDay)).toBe('2026-11-30')
    expect(p.untilMs - p.sinceMs).toBe(7 * 86_400_000)
    expect(p.labels[0]).toBe('12-07 周一')
    expect(p.labels[6]).toBe('12-13 周日')
    // A Sunday belongs to the week that began six days before.
    expect(dayDate(briefingPeriod('weekly', dateDay('2026-12-13')!).startDay)).toBe('2026-12-07')
  })

  it('refuses dates that do not exist', () => {
    expect(dateDay('2026-02-30')).toBeUndefined()
    expect(dateDay('2026-13-01')).toBeUndefined()
    expect(dateDay('2024-02-29')).toBeDefined()
  })
})
