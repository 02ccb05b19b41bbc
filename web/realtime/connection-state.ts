/**
 * What the connection indicator says, derived from a few facts and the current time.
 *
 * Socket.IO's heartbeat is the liveness check: the server pings every `pingInterval` and the
 * client drops the transport when a ping is late, which lands here as a disconnect. The silence
 * rule below only guards against a socket that claims to be connected while nothing (no frame,
 * no ping) has arrived for far longer than any heartbeat allows.
 */

export type ConnectionState = 'live' | 'reconnecting' | 'stale'

/** After this long disconnected, the data on screen is called stale. */
export const STALE_AFTER_DISCONNECT_MS = 5_000
/** A connected socket silent for this long is stale too (Socket.IO's defaults: ping every 25 s, 20 s grace). */
export const STALE_AFTER_SILENCE_MS = 60_000

export interface ConnectionFacts {
  /** Whether the socket is connected now. */
  connected: boolean
  /** When the connection was lost (or first attempted), epoch ms; null while connected. */
  lostAt: number | null
  /** When the last frame or heartbeat arrived, epoch ms; null before any. */
  lastMessageAt: number | null
}

export interface ConnectionView {
  state: ConnectionState
  /** Since when the data on screen has been stale, epoch ms; null unless the state is `stale`. */
  staleSince: number | null
}

/**
 * @example
 * connectionView({ connected: false, lostAt: 1_000, lastMessageAt: 900 }, 7_000)
 * // { state: 'stale', staleSince: 1_000 }
 */
export function connectionView(facts: ConnectionFacts, now: number): ConnectionView {
  if (!facts.connected) {
    const lostAt = facts.lostAt ?? now
    return now - lostAt > STALE_AFTER_DISCONNECT_MS
      ? { state: 'stale', staleSince: lostAt }
      : { state: 'reconnecting', staleSince: null }
  }
  if (facts.lastMessageAt !== null && now - facts.lastMessageAt > STALE_AFTER_SILENCE_MS) {
    return { state: 'stale', staleSince: facts.lastMessageAt }
  }
  return { state: 'live', staleSince: null }
}
