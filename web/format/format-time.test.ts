import { describe, expect, it } from 'vitest'
import { formatClock, formatDate, formatWeekday } from './format-time.ts'

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

  it('returns an empty string for an invalid time', () => {
    expect(formatClock('not a date')).toBe('')
    expect(formatDate(Number.NaN)).toBe('')
  })
})
