import { describe, expect, it } from 'vitest'
import { formatClock, formatDate, formatWeekday, formatWhen } from './format-time.ts'

describe('wall time formatting (Asia/Shanghai, whatever the machine zone)', () => {
  it('formats a 24-hour clock', () => {
    expect(formatClock(new Date('2025-03-01T01:02:03Z'))).toBe('09:02:03')
    expect(formatClock('2025-03-01T15:30:00Z')).toBe('23:30:00')
    expect(formatClock('2025-03-01T16:00:00Z')).toBe('00:00:00')
  })

  it('formats the date on the Chengdu side of midnight', () => {
    expect(formatDate(new Date('2025-03-01T20:00:00Z'))).toBe('2025-03-02')
  })

  it('names the weekday in the locale', () => {
    expect(formatWeekday(new Date('2025-03-01T04:00:00Z'), 'zh-CN')).toBe('星期六')
    expect(formatWeekday(new Date('2025-03-01T04:00:00Z'), 'en')).toBe('Saturday')
  })

  it('gives a list row the time alone today, and the day too before', () => {
    const now = Date.parse('2025-03-01T09:00:00Z')
    expect(formatWhen('2025-03-01T02:05:00Z', now)).toBe('10:05')
    // 16:00 UTC is midnight in Chengdu: a minute before it was yesterday there.
    expect(formatWhen('2025-02-28T15:59:00Z', now)).toBe('02-28 23:59')
    expect(formatWhen('2025-02-28T16:00:00Z', now)).toBe('00:00')
    expect(formatWhen('nope', now)).toBe('')
  })

  it('returns an empty string for an invalid time', () => {
    expect(formatClock('not a date')).toBe('')
    expect(formatDate(Number.NaN)).toBe('')
  })
})
