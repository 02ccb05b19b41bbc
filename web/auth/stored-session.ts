/**
 * The signed-in session as kept in localStorage. Anything unreadable, or a token that says it has
 * expired, counts as signed out, so a wall never loops on a token the server will refuse.
 */
import { ROLES, type PublicUser } from '../../domain/auth.ts'

export const SESSION_STORAGE_KEY = 'gridwatch.session'

export interface Session {
  token: string
  user: PublicUser
}

function isUser(u: unknown): u is PublicUser {
  if (typeof u !== 'object' || u === null) return false
  const { username, role, scope } = u as Record<string, unknown>
  if (typeof username !== 'string' || typeof role !== 'string') return false
  if (!(ROLES as readonly string[]).includes(role)) return false
  if (typeof scope !== 'object' || scope === null) return false
  const { level, id } = scope as Record<string, unknown>
  return (level === 'district' || level === 'street') && typeof id === 'string'
}

/**
 * The `exp` claim of a JWT in epoch ms, or null when the token is not a JWT or carries none.
 *
 * @example
 * tokenExpiry('eyJhbGciOi...') // 1767225600000
 */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))
    const exp = (JSON.parse(json) as { exp?: unknown }).exp
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null
  } catch {
    return null
  }
}

/**
 * The stored session, or null when there is none, it is malformed, or its token has expired.
 *
 * @example
 * parseSession(localStorage.getItem(SESSION_STORAGE_KEY), Date.now())
 */
export function parseSession(raw: string | null, now: number): Session | null {
  if (!raw) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { token, user } = value as Record<string, unknown>
  if (typeof token !== 'string' || token === '' || !isUser(user)) return null
  const exp = tokenExpiry(token)
  if (exp !== null && exp <= now) return null
  return { token, user }
}
