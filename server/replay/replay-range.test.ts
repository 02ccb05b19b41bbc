import { describe, expect, it } from 'vitest'
import { replayRange } from './replay-range.ts'

const NOW = Date.parse('2026-11-29T04:00:00Z')
const iso = (r: { from: Date; until: Date }) => ({ from: r.from.toISOString(), until: r.until.toISOString() })

describe('replayRange', () => {
  it('is the last 24 hours when no end is given', () => {
    expect(iso(replayRange({}, NOW))).toEqual({ from: '2026-11-28T04:00:00.000Z', until: '2026-11-29T04:00:00.000Z' })
  })

  it('takes the 24 hours before `until` alone, and after `from` alone', () => {
    expect(iso(replayRange({ until: '2026-11-20T08:00:00+08:00' }, NOW))).toEqual({ from: '2026-11-19T00:00:00.000Z', until: '2026-11-20T00:00:00.000Z' })
    expect(iso(replayRange({ from: '2026-11-20T00:00:00+08:00' }, NOW))).toEqual({ from: '2026-11-19T16:00:00.000Z', until: '2026-11-20T16:00:00.000Z' })
  })

  it('keeps both ends when given, up to exactly 7 days', () => {
    expect(iso(replayRange({ from: '2026-11-22T04:00:00Z', until: '2026-11-29T04:00:00Z' }, NOW)))
      .toEqual({ from: '2026-11-22T04:00:00.000Z', until: '2026-11-29T04:00:00.000Z' })
  })

  it('refuses a range over 7 days, naming the limit', () => {
    expect(() => replayRange({ from: '2026-11-22T03:59:59Z', until: '2026-11-29T04:00:00Z' }, NOW))
      .toThrow(expect.objectContaining({ statusCode: 400, message: expect.stringMatching(/longer than 7 days/) }))
  })

  it('refuses an `until` before or equal to `from`', () => {
    for (const until of ['2026-11-28T00:00:00Z', '2026-11-29T00:00:00Z']) {
      expect(() => replayRange({ from: '2026-11-29T00:00:00Z', until }, NOW))
        .toThrow(expect.objectContaining({ statusCode: 400, message: expect.stringMatching(/must be after from/) }))
    }
  })

  it('refuses a date that is not one', () => {
    expect(() => replayRange({ from: '2026-02-30T25:00:00Z' }, NOW)).toThrow(expect.objectContaining({ statusCode: 400, message: expect.stringMatching(/from is not a valid date-time/) }))
  })
})
