/**
 * The crews' side of the public API: the street command posts sign in as their demo users and act on
 * their street's cases through `POST /api/v1/cases/:id/actions`; the units' field app reports
 * positions to `POST /api/v1/units/positions` with the producer key. Reads use the district user.
 */
import type { Case, CaseAction } from '../../domain/cases.ts'
import type { Unit, UnitPositionFix } from '../../domain/units.ts'

export interface CrewClient {
  openCases(): Promise<Case[]>
  /** Resolved cases still waiting for their return visit or close. */
  resolvedCases(): Promise<Case[]>
  /** The whole roster (about 1,300 units), as it now stands. */
  units(): Promise<Unit[]>
  /** Acts as the case's street command post; `{ ok: false }` with the server's reason when refused. */
  act(c: Pick<Case, 'id' | 'path'>, action: CaseAction): Promise<{ ok: true } | { ok: false; status: number; message: string }>
  reportPositions(fixes: UnitPositionFix[]): Promise<void>
}

export interface CrewClientOptions {
  target: string
  apiKey: string
  /** The demo users' password. */
  password: string
  signal?: AbortSignal
}

export function createCrewClient(opts: CrewClientOptions): CrewClient {
  const tokens = new Map<string, Promise<string>>()
  const url = (path: string) => new URL(path, opts.target).toString()

  const signIn = (username: string): Promise<string> => {
    let token = tokens.get(username)
    if (!token) {
      token = fetch(url('/api/v1/auth/login'), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: opts.password }),
        ...(opts.signal ? { signal: opts.signal } : {}),
      }).then(async (res) => {
        if (!res.ok) throw new Error(`crew sign-in as ${username} refused with ${res.status}`)
        return ((await res.json()) as { token: string }).token
      })
      // A failed sign-in is tried again on the next call, not cached.
      token.catch(() => tokens.delete(username))
      tokens.set(username, token)
    }
    return token
  }

  async function call(username: string, path: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(url(path), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${await signIn(username)}` },
        ...(opts.signal ? { signal: opts.signal } : {}),
      })
      // An expired token (a long demo, or a restarted server with a new key) is renewed once.
      if (res.status !== 401 || attempt > 0) return res
      tokens.delete(username)
    }
  }

  async function read<T>(path: string): Promise<T> {
    const res = await call('district', path)
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`)
    return (await res.json()) as T
  }

  return {
    openCases: async () => (await read<{ cases: Case[] }>('/api/v1/cases?status=open&limit=5000')).cases,
    resolvedCases: async () => (await read<{ cases: Case[] }>('/api/v1/cases?status=resolved&limit=1000')).cases,
    units: async () => (await read<{ units: Unit[] }>('/api/v1/units')).units,
    async act(c, action) {
      const res = await call(`street-${c.path.street}`, `/api/v1/cases/${encodeURIComponent(c.id)}/actions`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(action),
      })
      if (res.ok) return { ok: true }
      const body = (await res.json().catch(() => ({}))) as { message?: string }
      return { ok: false, status: res.status, message: body.message ?? res.statusText }
    },
    async reportPositions(fixes) {
      if (fixes.length === 0) return
      const res = await fetch(url('/api/v1/units/positions'), {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': opts.apiKey }, body: JSON.stringify(fixes),
        ...(opts.signal ? { signal: opts.signal } : {}),
      })
      if (!res.ok) throw new Error(`POST /api/v1/units/positions answered ${res.status}: ${await res.text()}`)
    },
  }
}
