/**
 * Units over real HTTP: the roster generated at first boot (counts by kind), the list's filters, a
 * street user's scope, position fixes refused whole when any is bad (nothing moves), and a restart
 * that keeps statuses and positions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Unit } from '../../domain/units.ts'
import { PRODUCER_KEY, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
const tokens: Record<string, string> = {}

async function get<T>(path: string, user = 'district'): Promise<{ status: number; body: T }> {
  tokens[user] ??= await server.login(user)
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } })
  return { status: res.status, body: (await res.json()) as T }
}
const list = async (query = '', user = 'district') => (await get<{ units: Unit[] }>(`/api/v1/units${query}`, user)).body.units
async function post(body: unknown, key: string | null = PRODUCER_KEY): Promise<{ status: number; body: { message?: string; details?: Array<{ index: number; path: string; message: string }> } }> {
  const res = await fetch(`${server.url}/api/v1/units/positions`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) }, body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as never }
}
const street = (i: number) => server.app.district.streets[i]!.properties.id

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('GET /api/v1/units', () => {
  it('lists the generated roster, all available at home, by id', async () => {
    const all = await list()
    const byKind: Record<string, number> = {}
    for (const u of all) byKind[u.kind] = (byKind[u.kind] ?? 0) + 1
    const h = server.app.district
    expect(byKind).toEqual({ grid_worker: h.grids.length, community_worker: 2 * h.communities.length, emergency_squad: h.streets.length, department_team: 10 * h.streets.length })
    expect(all.every((u) => u.status === 'available' && u.caseId === null)).toBe(true)
    expect(all.map((u) => u.id)).toEqual(all.map((u) => u.id).sort())
  })

  it('filters by kind, street, department and status', async () => {
    const teams = await list(`?kind=department_team&street=${street(1)}`)
    expect(teams).toHaveLength(10)
    expect((await list('?department=fire')).map((u) => u.home.street).sort()).toEqual(server.app.district.streets.map((s) => s.properties.id).sort())
    expect(await list('?status=on_scene')).toEqual([])
    expect((await get('/api/v1/units?status=asleep')).status).toBe(400)
    expect((await get(`/api/v1/units/ES-${street(1)}`)).body).toMatchObject({ kind: 'emergency_squad', name: expect.stringMatching(/应急小分队$/) })
    expect((await get('/api/v1/units/GW-nope')).status).toBe(404)
  })

  it('shows a street user only the units homed in their street', async () => {
    const user = `street-${street(2)}`
    const own = await list('', user)
    expect(own.length).toBeGreaterThan(11)
    expect(own.every((u) => u.home.street === street(2))).toBe(true)
    expect((await get(`/api/v1/units?street=${street(3)}`, user)).status).toBe(403)
    expect((await get(`/api/v1/units/ES-${street(3)}`, user)).status).toBe(404)
    expect((await get(`/api/v1/units/ES-${street(2)}`, user)).status).toBe(200)
    expect((await fetch(`${server.url}/api/v1/units`)).status).toBe(401)
  })
})

describe('POST /api/v1/units/positions', () => {
  it('moves units by their fixes (one or a batch)', async () => {
    const u = (await list(`?kind=emergency_squad&street=${street(4)}`))[0]!
    const to = { lng: u.location.lng + 0.001, lat: u.location.lat }
    const one = await post({ unitId: u.id, location: to, at: new Date().toISOString() })
    expect(one.status).toBe(200)
    expect((await get<Unit>(`/api/v1/units/${u.id}`)).body.location).toEqual(to)
    expect((await post([{ unitId: u.id, location: u.location }, { unitId: u.id, location: to }])).status).toBe(200)
  })

  it('refuses a batch with any bad fix whole, naming each index and why, and moves nothing', async () => {
    const before = await list()
    const [a, b] = before
    const bad = await post([
      { unitId: a!.id, location: { lng: a!.location.lng + 0.01, lat: a!.location.lat } },
      { unitId: 'GW-000000000000000', location: a!.location },
      { unitId: b!.id, location: { lng: 104.1, lat: 95 } },
      { unitId: b!.id, location: { lng: 104.1, lat: 30.6, crs: 'GCJ02' } },
      { unitId: b!.id, location: a!.location, at: 'yesterday' },
      { unitId: b!.id, location: a!.location, speed: 12 },
    ])
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/5 of 6 .*nothing was stored/)
    expect(bad.body.details!.map((d) => [d.index, d.path])).toEqual([[1, '/unitId'], [2, '/location/lat'], [3, '/location/crs'], [4, '/at'], [5, '/speed']])
    expect(bad.body.details![0]!.message).toBe('no unit GW-000000000000000')
    expect((await post({ unitId: a!.id, location: a!.location }, null)).status).toBe(401)
    expect((await post([])).status).toBe(400)
    expect(await list()).toEqual(before)
  })
})

describe('restart', () => {
  it('keeps the roster with its statuses and positions, and does not generate it again', async () => {
    const u = (await list(`?kind=grid_worker&street=${street(5)}`))[0]!
    const to = { lng: u.location.lng - 0.002, lat: u.location.lat + 0.001 }
    expect((await post({ unitId: u.id, location: to })).status).toBe(200)
    const before = await list()
    await server.restart()
    for (const k of Object.keys(tokens)) delete tokens[k]
    const after = await list()
    expect(after).toEqual(before)
    expect(after.find((x) => x.id === u.id)!.location).toEqual(to)
  })
})
