import { describe, expect, it } from 'vitest'
import { advance, bringForward, choose, hold, HOLD_MS, nextScene, nextSwitchAt, ROTATE_MS, startRotation } from './scene-rotation.ts'

const ALL = ['events', 'risk', 'forecast'] as const
const NOW_ONLY = ['events', 'risk'] as const
const EVENTS = ['events'] as const

describe('scene rotation', () => {
  it('goes events, risk, forecast and round again, a period each, while nobody touches the wall', () => {
    let r = startRotation(0)
    expect(r.scene).toBe('events')
    expect(advance(r, ROTATE_MS - 1, ALL)).toBe(r)
    r = advance(r, ROTATE_MS, ALL)
    expect(r).toEqual({ scene: 'risk', since: ROTATE_MS, heldUntil: 0 })
    r = advance(r, 2 * ROTATE_MS, ALL)
    expect(r.scene).toBe('forecast')
    r = advance(r, 3 * ROTATE_MS, ALL)
    expect(r.scene).toBe('events')
  })

  it('skips the forecast while none is loaded, and leaves a scene no longer offered', () => {
    const risk = advance(startRotation(0), ROTATE_MS, NOW_ONLY)
    expect(advance(risk, 2 * ROTATE_MS, NOW_ONLY).scene).toBe('events')
    expect(nextScene('forecast', NOW_ONLY)).toBe('events')
    expect(nextScene('events', ['events', 'forecast'])).toBe('forecast')
    expect(nextScene('risk', [])).toBe('events')
  })

  it('stays on events, and looks again a period later, while there is no risk picture', () => {
    const r = advance(startRotation(0), ROTATE_MS, EVENTS)
    expect(r).toEqual({ scene: 'events', since: ROTATE_MS, heldUntil: 0 })
    expect(nextSwitchAt(r)).toBe(2 * ROTATE_MS)
  })

  it('holds a chosen scene for a few minutes, then resumes from it', () => {
    const r = choose(startRotation(0), 'risk', 10_000)
    expect(r.scene).toBe('risk')
    expect(nextSwitchAt(r)).toBe(10_000 + HOLD_MS)
    expect(advance(r, 10_000 + HOLD_MS - 1, ALL)).toBe(r)
    expect(advance(r, 10_000 + HOLD_MS, NOW_ONLY).scene).toBe('events')
  })

  it('choosing the scene already shown keeps its start, and a touch on the map holds whatever shows', () => {
    const start = startRotation(0)
    expect(choose(start, 'events', 5_000).since).toBe(0)
    const held = hold(start, 50_000)
    expect(held.scene).toBe('events')
    expect(nextSwitchAt(held)).toBe(50_000 + HOLD_MS)
    // A touch never shortens a longer hold.
    expect(hold({ ...held }, 20_000).heldUntil).toBe(50_000 + HOLD_MS)
  })

  it('brings a scene forward for a full period, unless a person holds the wall', () => {
    const r = bringForward(startRotation(0), 'risk', 40_000)
    expect(r).toEqual({ scene: 'risk', since: 40_000, heldUntil: 0 })
    expect(nextSwitchAt(r)).toBe(40_000 + ROTATE_MS)
    const held = choose(startRotation(0), 'events', 1_000)
    expect(bringForward(held, 'risk', 40_000)).toBe(held)
  })

  it('never cuts a scene below half its period, nor extends the one already showing', () => {
    const start = startRotation(0)
    expect(bringForward(start, 'risk', ROTATE_MS / 2 - 1)).toBe(start)
    const risk = advance(start, ROTATE_MS, ALL)
    expect(bringForward(risk, 'risk', ROTATE_MS + 50_000)).toBe(risk)
  })
})
