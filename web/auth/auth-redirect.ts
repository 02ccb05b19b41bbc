/** Where the router sends a navigation, given whether someone is signed in. */
import type { PublicUser } from '../../domain/auth.ts'

/** The wall: where everyone but a street user lands. */
export const HOME_PATH = '/wall'
export const LOGIN_PATH = '/login'

/** The leaders' situation briefing (DESIGN §1: their screen). */
export const BRIEFING_PATH = '/briefing'

/**
 * Where a user lands with nowhere asked for: a street user at their own street's command post
 * (their work is its queue), a leader at the briefing (their screen), everyone else at the wall.
 *
 * @example
 * homePathFor({ role: 'street', scope: { level: 'street', id: '510108003' } }) // '/post/510108003'
 * homePathFor({ role: 'leader', scope: { level: 'district', id: '510108' } })  // '/briefing'
 */
export function homePathFor(user: Pick<PublicUser, 'role' | 'scope'> | null): string {
  if (user?.role === 'street' && user.scope.level === 'street') return `/post/${user.scope.id}`
  return user?.role === 'leader' ? BRIEFING_PATH : HOME_PATH
}

/**
 * Where `/` (and an unknown path) goes: the signed-in user's home, or the login page with no
 * `redirect`, so that signing in lands each user at their own home.
 */
export function rootRedirect(user: Pick<PublicUser, 'role' | 'scope'> | null, signedIn: boolean): string {
  return signedIn ? homePathFor(user) : LOGIN_PATH
}

/**
 * A `redirect` query value made safe to navigate to: only same-app absolute paths, never another
 * origin (`//evil.example`) or the login page itself; anything else gives `home`.
 *
 * @example
 * safeRedirect('/wall?lang=en')      // '/wall?lang=en'
 * safeRedirect('https://evil.test') // '/wall'
 * safeRedirect(undefined, '/post/510108003') // '/post/510108003'
 */
export function safeRedirect(raw: unknown, home: string = HOME_PATH): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return home
  }
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`) || value.startsWith(`${LOGIN_PATH}/`)) return home
  return value
}

/**
 * Null to let the navigation through, or the login location to go to instead.
 *
 * @example
 * authRedirect({ fullPath: '/wall', isPublic: false }, false)
 * // { path: '/login', query: { redirect: '/wall' } }
 */
export function authRedirect(
  to: { fullPath: string; isPublic: boolean },
  signedIn: boolean,
): { path: string; query: { redirect: string } } | null {
  if (to.isPublic || signedIn) return null
  return { path: LOGIN_PATH, query: { redirect: safeRedirect(to.fullPath) } }
}
