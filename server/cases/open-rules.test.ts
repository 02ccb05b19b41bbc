import { describe, expect, it } from 'vitest'
import { decideOpen, shouldOpen, type OpenRule } from './open-rules.ts'
import { storedEvent } from './test-events.ts'

describe('open rules', () => {
  it('opens a case for a sensor alarm, never for its other states', () => {
    expect(shouldOpen(storedEvent({ source: 'sensor', category: 'smoke', attrs: { sensorId: 'S1', state: 'alarm' } }))).toBe(true)
    for (const state of ['fault', 'normal', 'heartbeat', 'online', 'offline']) {
      expect(shouldOpen(storedEvent({ source: 'sensor', category: 'smoke', attrs: { sensorId: 'S1', state } })), state).toBe(false)
    }
  })

  it('opens for an alerting detection, not for one below the threshold', () => {
    expect(shouldOpen(storedEvent({ source: 'detection', category: 'dog_unleashed', attrs: { cameraId: 'C', confidence: 0.9, alerting: true } }))).toBe(true)
    expect(shouldOpen(storedEvent({ source: 'detection', category: 'dog_unleashed', attrs: { cameraId: 'C', confidence: 0.3, alerting: false } }))).toBe(false)
  })

  it('opens for every hotline request and incident, never for a CAP warning', () => {
    expect(shouldOpen(storedEvent({ source: 'hotline', category: 'noise' }))).toBe(true)
    expect(shouldOpen(storedEvent({ source: 'incident', category: 'dispute' }))).toBe(true)
    expect(shouldOpen(storedEvent({ source: 'cap', category: 'met', severity: 'extreme' }))).toBe(false)
    expect(decideOpen(storedEvent({ source: 'cap', category: 'met' }))?.reason).toMatch(/warnings/)
  })

  it('takes a replacement table: first match wins, no match opens nothing', () => {
    const rules: OpenRule[] = [
      { source: 'incident', categories: ['dispute'], minSeverity: 'moderate', open: true, reason: 'serious disputes only' },
      { source: 'incident', categories: ['dispute'], open: false, reason: 'minor disputes are mediated on the spot' },
    ]
    expect(shouldOpen(storedEvent({ source: 'incident', category: 'dispute', severity: 'minor' }), rules)).toBe(false)
    expect(shouldOpen(storedEvent({ source: 'incident', category: 'dispute', severity: 'severe' }), rules)).toBe(true)
    expect(shouldOpen(storedEvent({ source: 'hotline', category: 'noise' }), rules)).toBe(false)
  })
})
