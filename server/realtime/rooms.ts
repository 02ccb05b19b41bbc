/**
 * Socket rooms by scope. Every event goes to the district room and, when it fell inside a street,
 * to that street's room; a street user's socket joins only its street's room, so it can never
 * receive another street's event.
 */
import type { Scope } from '../../domain/auth.ts'
import type { StoredEvent } from '../../domain/event.ts'

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
