import { describe, expect, it } from 'vitest'
import { eventWeight } from './event-weight.ts'

describe('eventWeight', () => {
  it('doubles with each step of severity', () => {
    const w = (severity: 'minor' | 'moderate' | 'severe' | 'extreme') => eventWeight({ source: 'incident', category: 'dispute', severity, attrs: {} })
    expect([w('minor'), w('moderate'), w('severe'), w('extreme')]).toEqual([1, 2, 4, 8])
  })

  it('weighs dangerous categories more and camera detections less', () => {
    expect(eventWeight({ source: 'incident', category: 'fire_hazard', severity: 'minor', attrs: {} })).toBe(1.5)
    expect(eventWeight({ source: 'detection', category: 'dog_unleashed', severity: 'minor', attrs: {} })).toBe(0.5)
  })

  it('counts a sensor only for an alarm (and a little for a fault), and CAP warnings not at all', () => {
    const sensor = (state: string) => eventWeight({ source: 'sensor', category: 'smoke', severity: 'severe', attrs: { state } })
    expect(sensor('alarm')).toBe(4 * 1.5 * 1.5)
    expect(sensor('fault')).toBe(4 * 0.25 * 1.5)
    expect(sensor('normal')).toBe(0)
    expect(sensor('heartbeat')).toBe(0)
    expect(eventWeight({ source: 'cap', category: 'rainstorm', severity: 'extreme', attrs: {} })).toBe(0)
  })
})
