import { describe, expect, it } from 'vitest'
import { presetOf, presetRange, rangeFromQuery, shanghaiMidnight } from './replay-ranges.ts'

const NOW = Date.parse('2026-11-29T04:00:00Z') // 12:00 on the 29th in Chengdu

describe('presetRange', () => {
  it('gives the last 24 hours, today and yesterday as Chengdu counts its days', () => {
    expect(presetRange('last24h', NOW)).toEqual({ from: NOW - 86_400_000, until: NOW })
    expect(presetRange('today', NOW)).toEqual({ from: Date.parse('2026-11-28T16:00:00Z'), until: NOW })
    expect(presetRange('yesterday', NOW)).toEqual({ from: Date.parse('2026-11-27T16:00:00Z'), until: Date.parse('2026-11-28T16:00:00Z') })
  })

  it('finds Chengdu midnight just before and after it', () => {
    expect(shanghaiMidnight(Date.parse('2026-11-28T15:59:59Z'))).toBe(Date.parse('2026-11-27T16:00:00Z'))
    expect(shanghaiMidnight(Date.parse('2026-11-28T16:00:00Z'))).toBe(Date.parse('2026-11-28T16:00:00Z'))
  })
})

describe('rangeFromQuery', () => {
  it('reads a range the server will take', () => {
    expect(rangeFromQuery({ from: '2026-11-28T00:00:00+08:00', until: '2026-11-29T00:00:00+08:00' }))
      .toEqual({ from: Date.parse('2026-11-27T16:00:00Z'), until: Date.parse('2026-11-28T16:00:00Z') })
  })

  it('gives null for a missing, unreadable, backwards or over-long range', () => {
    expect(rangeFromQuery({})).toBeNull()
    expect(rangeFromQuery({ from: '2026-11-28T00:00:00Z' })).toBeNull()
    expect(rangeFromQuery({ from: 'yesterday', until: '2026-11-29T00:00:00Z' })).toBeNull()
    expect(rangeFromQuery({ from: '2026-11-29T00:00:00Z', until: '2026-11-28T00:00:00Z' })).toBeNull()
    expect(rangeFromQuery({ from: '2026-11-01T00:00:00Z', until: '2026-11-09T00:00:00Z' })).toBeNull()
  })
})

describe('presetOf', () => {
  it('names the preset a range is, within a minute', () => {
    expect(presetOf(presetRange('today', NOW - 30_000), NOW)).toBe('today')
    expect(presetOf(presetRange('yesterday', NOW), NOW)).toBe('yesterday')
    expect(presetOf({ from: NOW - 3_600_000, until: NOW }, NOW)).toBeNull()
  })
})
