/**
 * Who may open which street's command post, and who may act there (DESIGN §1, §4): a street user
 * only their own street, acting on it; a district user any street, acting; leader and wall any
 * street, read-only.
 */
import { canDispatch, type PublicUser } from '../../domain/auth.ts'

/**
 * Where `/post` (no street) sends the user: a street user to their street, anyone else to the
 * first street in the list, or null while the list is not loaded.
 *
 * @example
 * defaultStreet({ role: 'street', scope: { level: 'street', id: '510108003' } }, []) // '510108003'
 */
export function defaultStreet(user: Pick<PublicUser, 'scope'>, streetIds: readonly string[]): string | null {
  if (user.scope.level === 'street') return user.scope.id
  return streetIds[0] ?? null
}

/** The street this user must see instead of `requested`, or null when `requested` is theirs to open. */
export function streetRedirect(user: Pick<PublicUser, 'scope'>, requested: string): string | null {
  if (user.scope.level === 'street' && user.scope.id !== requested) return user.scope.id
  return null
}

/** Whether this user may act on cases in this street. */
export function canActOn(user: Pick<PublicUser, 'role' | 'scope'> | null, streetId: string): boolean {
  if (!user || !canDispatch(user.role)) return false
  return user.scope.level === 'district' || user.scope.id === streetId
}

/** Whether this user may choose among streets (everyone but a street user). */
export const canPickStreet = (user: Pick<PublicUser, 'scope'> | null): boolean => user?.scope.level === 'district'
