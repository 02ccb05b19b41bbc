/**
 * The Socket.IO handshake payload. The client passes a *function* as `auth`, so each automatic
 * reconnect calls this again and resumes from the newest seq it has applied.
 */
import type { HandshakeAuth } from '../../domain/socket.ts'

/**
 * @example
 * handshakeAuth('t0k', null) // { token: 't0k' }              (fresh connect: the server sends a snapshot)
 * handshakeAuth('t0k', 42)   // { token: 't0k', sinceSeq: 42 } (resume: the server sends what was missed)
 */
export function handshakeAuth(token: string, lastSeq: number | null): HandshakeAuth {
  return lastSeq === null ? { token } : { token, sinceSeq: lastSeq }
}
