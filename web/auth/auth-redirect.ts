/** Where the router sends a navigation, given whether someone is signed in. */

export const HOME_PATH = '/wall'
export const LOGIN_PATH = '/login'

/**
 * A `redirect` query value made safe to navigate to: only same-app absolute paths, never another
 * origin (`//evil.example`) or the login page itself.
 *
 * @example
 * safeRedirect('/wall?lang=en')      // '/wall?lang=en'
 * safeRedirect('https://evil.test') // '/wall'
 */
export function safeRedirect(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return HOME_PATH
  }
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`) || value.startsWith(`${LOGIN_PATH}/`)) return HOME_PATH
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
