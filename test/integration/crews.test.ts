/**
 * The simulated crews against the real app: hotline calls in three streets open cases, and the crews
 * (street command posts signed in as their demo users, units reporting GPS fixes) work each one
 * through the public API to the end: dispatch → accept → geofence arrival → resolve → return visit →
 * close, with the unit cleared again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Case, CaseAuditEntry } from '../../domain/cases.ts'
import type { Unit } from '../../domain/units.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { startCrews } from '../../simulations/crews/run-crews.ts'
import { PRODUCER_KEY, hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let token = ''
const get = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('district')
})
afterAll(() => server.close())

describe('crew simulation', () => {
  it('works every opened case through the whole loop over the public API', async () => {
    const streets = server.app.district.streets.slice(0, 3)
    const ids: string[] = []
    const rng = createRandom('crew-test')
    for (const [i, s] of streets.entries()) {
      const [lng, lat] = randomPointInPolygon(rng, s)
      const res = await server.ingest(hotlineItem(`crew-test-${i}`, lng, lat))
      expect(res.status).toBe(201)
      const eventId = ((await res.json()) as { events: Array<{ id: string }> }).events[0]!.id
      ids.push(await caseOf(eventId))
    }

    const stop = startCrews({ target: server.url, apiKey: PRODUCER_KEY, password: 'demo', seed: 'crew-test', speed: 200, tickMs: 150, neglect: false })
    try {
      await waitFor(async () => {
        const cases = await Promise.all(ids.map((id) => get<Case>(`/api/v1/cases/${id}`)))
        return cases.every((c) => c.status === 'closed')
      }, 45_000)
    } finally {
      await stop()
    }

    for (const id of ids) {
      const c = await get<Case & { audit: CaseAuditEntry[] }>(`/api/v1/cases/${id}`)
      const actions = c.audit.map((a) => a.action)
      expect(actions).toEqual(expect.arrayContaining(['open', 'dispatch', 'accept', 'arrive', 'resolve', 'return_visit', 'close']))
      // Arrival came from the unit's own position (the geofence), acted by the unit, not by a person.
      expect(c.audit.find((a) => a.action === 'arrive')!.actor).toMatch(/^unit:/)
      expect(c.audit.find((a) => a.action === 'dispatch')!.actor).toBe(`street-${c.path.street}`)
      expect(c.returnVisit).toBeDefined()
      expect(c.unitIds ?? []).toEqual([])
    }
    const { units } = await get<{ units: Unit[] }>('/api/v1/units?status=dispatched')
    const { units: enRoute } = await get<{ units: Unit[] }>('/api/v1/units?status=en_route')
    expect([...units, ...enRoute].filter((u) => u.caseId && ids.includes(u.caseId))).toEqual([])
  }, 60_000)
})

async function caseOf(eventId: string): Promise<string> {
  let found: string | undefined
  await waitFor(async () => {
    const { cases } = await get<{ cases: Case[] }>('/api/v1/cases?status=open')
    found = cases.find((c) => c.eventIds.includes(eventId))?.id
    return found !== undefined
  }, 5000)
  return found!
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
