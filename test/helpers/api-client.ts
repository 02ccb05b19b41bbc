/**
 * JSON calls to a test server's API as a named demo user, each user signed in once and their token
 * kept. The server is passed as a getter because suites start it in `beforeAll`.
 */
import type { TestServer } from './build-app.ts'

export interface ApiClient {
  /** The bearer token of `user` (signed in on first use). */
  token(user: string): Promise<string>
  /** `method path` as `user` (the district dispatcher by default), with `body` sent as JSON when given. */
  call<T>(method: string, path: string, user?: string, body?: unknown): Promise<{ status: number; body: T }>
  /** Drops the kept tokens, so each user signs in again (after a restart, as a client would). */
  forgetTokens(): void
}

export function apiClient(server: () => TestServer): ApiClient {
  const tokens: Record<string, string> = {}
  const token = async (user: string) => (tokens[user] ??= await server().login(user))
  return {
    token,
    forgetTokens: () => {
      for (const user of Object.keys(tokens)) delete tokens[user]
    },
    async call<T>(method: string, path: string, user = 'district', body?: unknown) {
      const res = await fetch(`${server().url}${path}`, {
        method,
        headers: { authorization: `Bearer ${await token(user)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: res.status, body: (await res.json()) as T }
    },
  }
}
