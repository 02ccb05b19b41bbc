import { describe, expect, it } from 'vitest'
import { handshakeAuth } from './handshake-auth.ts'

describe('handshakeAuth', () => {
  it('omits sinceSeq on a first connect, so the server sends a snapshot', () => {
    expect(handshakeAuth('t', null)).toEqual({ token: 't' })
    expect('sinceSeq' in handshakeAuth('t', null)).toBe(false)
  })

  it('resumes from the last applied seq, including zero', () => {
    expect(handshakeAuth('t', 42)).toEqual({ token: 't', sinceSeq: 42 })
    expect(handshakeAuth('t', 0)).toEqual({ token: 't', sinceSeq: 0 })
  })
})
