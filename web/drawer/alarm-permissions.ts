/**
 * Who may acknowledge or clear a sensor alarm from the drawer: the district anywhere, a street
 * command post in its own street (DESIGN §4). The server checks again; this only decides whether
 * the buttons are offered.
 */
import type { PublicUser } from '../../domain/auth.ts'
import type { Path } from '../../domain/event.ts'

/**
 * @example
 * canActOnAlarm({ role: 'street', scope: { level: 'street', id: 'S1' }, username: 'street-S1' }, { street: 'S1', … }) // true
 * canActOnAlarm({ role: 'wall', … }, path) // false
 */
export function canActOnAlarm(user: PublicUser | null, path: Pick<Path, 'street'>): boolean {
  if (!user) return false
  if (user.role === 'district') return true
  return user.role === 'street' && user.scope.level === 'street' && path.street !== null && path.street === user.scope.id
}
