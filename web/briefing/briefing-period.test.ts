import { describe, expect, it } from 'vitest'
import {
  addDays, beijingToday, briefingQuery, briefingUrl, formatPeriod, hasNextPeriod, isBriefingDate, mondayOf, parseBriefingQuery, periodDate, shiftPeriod,
} from './briefing-period.ts'

describe('calendar dates', () => {
  it('tells real dates from lookalikes', () => {
    expect(isBriefingDate('2026-12-07')).toBe(true)
    expect(isBriefingDate('2028-02-29')).toBe(true)
    expect(isBriefingDate('2026-02-30')).toBe(false)
    expect(isBriefingDate('2026-12-7')).toBe(false)
    expect(isBriefingDate(20261207)).toBe(false)
  })

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(() => addDays('soon', 1)).toThrow(/YYYY-MM-DD/)
  })

  it('names a week by its Monday, Sunday belonging to the week before', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07') // a Monday
    expect(mondayOf('2026-12-09')).toBe('2026-12-07')
    expect(mondayOf('2026-12-06')).toBe('2026-11-30') // a Sunday
    expect(mondayOf('2027-01-02')).toBe('2026-12-28')
    expect(periodDate('daily', '2026-12-09')).toBe('2026-12-09')
    expect(periodDate('weekly', '2026-12-09')).toBe('2026-12-07')
  })

  it('takes today in Beijing whatever the browser’s zone', () => {
    // 2026-12-06 17:00 UTC is already the 7th in Beijing.
    expect(beijingToday(Date.parse('2026-12-06T17:00:00Z'))).toBe('2026-12-07')
    expect(beijingToday(Date.parse('2026-12-06T15:59:00Z'))).toBe('2026-12-06')
  })
})

describe('stepping through periods', () => {
  it('goes a day or a week at a time', () => {
    expect(shiftPeriod('daily', '2026-12-07', -1)).toBe('2026-12-06')
    expect(shiftPeriod('weekly', '2026-12-09', -1)).toBe('2026-11-30')
    expect(shiftPeriod('weekly', '2026-11-30', 1)).toBe('2026-12-07')
  })

  it('offers the next period only once it has begun', () => {
    expect(hasNextPeriod('daily', '2026-12-06', '2026-12-07')).toBe(true)
    expect(hasNextPeriod('daily', '2026-12-07', '2026-12-07')).toBe(false)
    expect(hasNextPeriod('weekly', '2026-11-30', '2026-12-07')).toBe(true)
    expect(hasNextPeriod('weekly', '2026-12-07', '2026-12-13')).toBe(false)
  })
})

describe('formatPeriod', () => {
  it('names a day with its weekday and a week by its first and last day', () => {
    expect(formatPeriod('daily', '2026-12-07', 'zh-CN')).toBe('2026年12月7日 星期一')
    expect(formatPeriod('weekly', '2026-11-30', 'zh-CN')).toBe('2026年11月30日—12月6日')
    expect(formatPeriod('weekly', '2026-12-28', 'zh-CN')).toBe('2026年12月28日—2027年1月3日')
    expect(formatPeriod('daily', '2026-12-07', 'en')).toBe('Mon 7 Dec 2026')
    expect(formatPeriod('weekly', '2026-11-30', 'en')).toBe('30 Nov – 6 Dec 2026')
    expect(formatPeriod('weekly', '2026-12-28', 'en')).toBe('28 Dec 2026 – 3 Jan 2027')
  })
})

describe('the page’s address', () => {
  it('reads the kind, date and street, a week’s date moved to its Monday', () => {
    expect(parseBriefingQuery({ kind: 'weekly', date: '2026-12-09' })).toEqual({ kind: 'weekly', date: '2026-12-07', street: null })
    expect(parseBriefingQuery({ date: '2026-12-09', street: '510108003' })).toEqual({ kind: 'daily', date: '2026-12-09', street: '510108003' })
    expect(parseBriefingQuery({ kind: ['weekly', 'daily'] })).toEqual({ kind: 'weekly', date: null, street: null })
  })

  it('falls back to today’s daily briefing of the whole scope for anything unreadable', () => {
    expect(parseBriefingQuery({ kind: 'yearly', date: 'soon', street: '../x' })).toEqual({ kind: 'daily', date: null, street: null })
    expect(parseBriefingQuery({ date: '2026-02-30' })).toEqual({ kind: 'daily', date: null, street: null })
  })

  it('writes the page’s query without the defaults, and asks the server for the period', () => {
    expect(briefingQuery({ kind: 'weekly', date: null, street: null })).toEqual({ kind: 'weekly' })
    expect(briefingQuery({ kind: 'daily', date: '2026-12-07', street: '510108003' })).toEqual({ kind: 'daily', date: '2026-12-07', street: '510108003' })
    expect(briefingUrl({ kind: 'daily', date: null, street: null })).toBe('/api/v1/briefings/daily')
    expect(briefingUrl({ kind: 'weekly', date: '2026-11-30', street: null })).toBe('/api/v1/briefings/weekly?date=2026-11-30')
    expect(briefingUrl({ kind: 'daily', date: '2026-12-07', street: '510108003' })).toBe('/api/v1/briefings/daily?date=2026-12-07&street=510108003')
  })
})
