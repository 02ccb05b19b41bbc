/**
 * Socket rooms by scope. Every event goes to the district room and, when it fell inside a street,
 * to that street's room; a street user's socket joins only its street's room, so it can never
 * receive another street's event.
 */
import type { Scope } from '../../domain/auth.ts'
import type { StoredEvent } from '../../domain/event.ts'
import { httpError } from '../http-error.ts'

export const DISTRICT_ROOM = 'scope:district'
export const streetRoom = (streetId: string) => `scope:street:${streetId}`

export function roomForScope(scope: Scope): string {
  return scope.level === 'street' ? streetRoom(scope.id) : DISTRICT_ROOM
}

export function roomsForEvent(e: StoredEvent): string[] {
  return e.path.street ? [DISTRICT_ROOM, streetRoom(e.path.street)] : [DISTRICT_ROOM]
}

/** The store filter for a scope: a street id, or undefined for the whole district. */
export function streetFilter(scope: Scope): string | undefined {
  return scope.level === 'street' ? scope.id : undefined
}

/**
 * Whether anyone is in the room. Socket.IO encodes a broadcast (and walks it for binaries) even for
 * a room nobody is in; most street rooms are empty most of the time, so frames for them are skipped.
 * Nothing is missed: a socket that joins later gets a snapshot, or loads its lists over HTTP.
 */
export function roomOccupied(io: { sockets: { adapter: { rooms: Map<string, Set<string>> } } }, room: string): boolean {
  return (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0
}

/**
 * The street a list is filtered to: the caller's own street for a street user (asking for another is
 * a 403), otherwise the street asked for, or undefined for the whole district.
 */
export function listStreet(scope: Scope, requested: string | undefined): string | undefined {
  const own = streetFilter(scope)
  if (own && requested && requested !== own) throw httpError(403, `your scope is street ${own}`)
  return own ?? requested
}
