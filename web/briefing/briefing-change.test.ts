import { describe, expect, it } from 'vitest'
import { countChange, formatCount, formatRate, magnitude, rateChange } from './briefing-change.ts'

describe('magnitude', () => {
  it('gives one decimal under 10, whole numbers above, and never 0.0 for a real change', () => {
    expect(magnitude(12.46)).toBe('12')
    expect(magnitude(-37.5)).toBe('38')
    expect(magnitude(3.14)).toBe('3.1')
    expect(magnitude(9.96)).toBe('10.0')
    expect(magnitude(0.01)).toBe('<0.1')
  })
})

describe('countChange', () => {
  it('is the percentage change against the period before, coloured by what a rise means', () => {
    expect(countChange({ now: 120, previous: 100 })).toEqual({ direction: 'up', value: '20', unit: 'percent', tone: 'worse' })
    expect(countChange({ now: 90, previous: 100 })).toEqual({ direction: 'down', value: '10', unit: 'percent', tone: 'better' })
    expect(countChange({ now: 90, previous: 100 }, 'up-better').tone).toBe('worse')
    expect(countChange({ now: 110, previous: 100 }, 'up-better').tone).toBe('better')
    expect(countChange({ now: 110, previous: 100 }, 'neutral').tone).toBe('neutral')
  })

  it('says new when the period before had none, and flat when nothing changed', () => {
    expect(countChange({ now: 5, previous: 0 })).toEqual({ direction: 'new', value: null, unit: 'percent', tone: 'worse' })
    expect(countChange({ now: 0, previous: 0 })).toEqual({ direction: 'flat', value: null, unit: 'percent', tone: 'neutral' })
    expect(countChange({ now: 7, previous: 7 }).direction).toBe('flat')
    // Down to nothing is a 100 % fall, not "new".
    expect(countChange({ now: 0, previous: 4 })).toMatchObject({ direction: 'down', value: '100' })
  })
})

describe('rateChange', () => {
  it('is the difference in percentage points, a rise being good news', () => {
    expect(rateChange({ now: 0.934, previous: 0.912 })).toEqual({ direction: 'up', value: '2.2', unit: 'points', tone: 'better' })
    expect(rateChange({ now: 0.706, previous: 0.912 })).toEqual({ direction: 'down', value: '21', unit: 'points', tone: 'worse' })
  })

  it('has nothing to say when either period had nothing to rate, and is flat within the shown decimal', () => {
    expect(rateChange({ now: 0.95, previous: null }).direction).toBe('none')
    expect(rateChange({ now: null, previous: 0.9 }).direction).toBe('none')
    expect(rateChange({ now: 0.9, previous: 0.9004 })).toEqual({ direction: 'flat', value: null, unit: 'points', tone: 'neutral' })
  })
})

describe('formatRate and formatCount', () => {
  it('shows rates to one decimal and counts with separators', () => {
    expect(formatRate(0.9344)).toBe('93.4%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(null)).toBe('—')
    expect(formatCount(12345)).toBe('12,345')
    expect(formatCount(0)).toBe('0')
  })
})
