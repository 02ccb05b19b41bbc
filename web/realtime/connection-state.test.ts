import { describe, expect, it } from 'vitest'
import { connectionView, STALE_AFTER_DISCONNECT_MS, STALE_AFTER_SILENCE_MS } from './connection-state.ts'

describe('connectionView', () => {
  it('is live while connected and hearing from the server', () => {
    expect(connectionView({ connected: true, lostAt: null, lastMessageAt: 1_000 }, 2_000)).toEqual({
      state: 'live',
      staleSince: null,
    })
  })

  it('is reconnecting right after a disconnect', () => {
    const facts = { connected: false, lostAt: 10_000, lastMessageAt: 9_000 }
    expect(connectionView(facts, 10_000).state).toBe('reconnecting')
    expect(connectionView(facts, 10_000 + STALE_AFTER_DISCONNECT_MS).state).toBe('reconnecting')
  })

  it('is stale once disconnected for longer than the threshold, since the loss', () => {
    const facts = { connected: false, lostAt: 10_000, lastMessageAt: 9_000 }
    expect(connectionView(facts, 10_001 + STALE_AFTER_DISCONNECT_MS)).toEqual({ state: 'stale', staleSince: 10_000 })
  })

  it('is stale when connected but silent for too long, since the last message', () => {
    const facts = { connected: true, lostAt: null, lastMessageAt: 5_000 }
    expect(connectionView(facts, 5_000 + STALE_AFTER_SILENCE_MS).state).toBe('live')
    expect(connectionView(facts, 5_001 + STALE_AFTER_SILENCE_MS)).toEqual({ state: 'stale', staleSince: 5_000 })
  })

  it('treats a never-connected socket without a start time as just lost', () => {
    expect(connectionView({ connected: false, lostAt: null, lastMessageAt: null }, 1_000).state).toBe('reconnecting')
  })
})
