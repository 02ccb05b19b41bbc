/**
 * Dispatch over real HTTP: a unit sent to a case (and refused for a second one), walked to the scene
 * by its position fixes until the case is on scene, cleared when the case is resolved; the street's
 * whistle (吹哨) and the departments' reports (报到), on time and late, the late one flagged by the
 * sweep. Time is moved by faking only `Date` in this process, which the in-process server reads.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Case, CaseAuditEntry } from '../../domain/cases.ts'
import type { LngLat } from '../../domain/event.ts'
import type { Unit } from '../../domain/units.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { PRODUCER_KEY, hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
const tokens: Record<string, string> = {}
let serial = 0

async function call<T>(method: string, path: string, user = 'district', body?: unknown): Promise<{ status: number; body: T }> {
  tokens[user] ??= await server.login(user)
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[user]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}
const act = (id: string, body: Record<string, unknown>, user = 'district') => call<Case & { message?: string }>('POST', `/api/v1/cases/${id}/actions`, user, body)
const getCase = async (id: string) => (await call<Case & { audit: CaseAuditEntry[] }>('GET', `/api/v1/cases/${id}`)).body
const getUnit = async (id: string) => (await call<Unit>('GET', `/api/v1/units/${id}`)).body
async function fixes(body: unknown): Promise<{ status: number; body: { accepted: number; changed: Unit[]; message?: string } }> {
  const res = await fetch(`${server.url}/api/v1/units/positions`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY }, body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as { accepted: number; changed: Unit[] } }
}

const offset = (p: LngLat, east: number, north: number) =>
  ({ lng: p.lng + east / (111_320 * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat + north / 111_320 })
const street = (i: number) => server.app.district.streets[i]!.properties.id

/** A fresh hotline case at a seeded point in street `i`. */
async function openCase(i: number, category = 'noise'): Promise<Case> {
  const [lng, lat] = randomPointInPolygon(createRandom(`dispatch-${++serial}`), server.app.district.streets[i]!)
  const res = await server.ingest(hotlineItem(`dispatch-test-${serial}`, lng!, lat!, { category } as never))
  expect(res.status).toBe(201)
  const eventId = ((await res.json()) as { events: Array<{ id: string }> }).events[0]!.id
  await vi.waitFor(() => expect(server.app.cases.caseOfEvent(eventId)).toBeDefined())
  return server.app.cases.caseOfEvent(eventId)!
}

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())
afterEach(() => vi.useRealTimers())

describe('dispatching a unit', () => {
  let c: Case
  let worker: string

  it('sends the grid worker: the case is assigned with it, and the unit is dispatched on the case', async () => {
    c = await openCase(0)
    worker = `GW-${c.path.grid}`
    expect((await getUnit(worker)).status).toBe('available')
    const r = await act(c.id, { action: 'dispatch', unitId: worker }, `street-${street(0)}`)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'assigned', unitIds: [worker] })
    expect(await getUnit(worker)).toMatchObject({ status: 'dispatched', caseId: c.id })
    expect((await getCase(c.id)).audit.at(-1)).toMatchObject({ action: 'dispatch', from: 'new', to: 'assigned', note: expect.stringContaining(worker) })
  })

  it('refuses the same unit for a second case (409, naming its case), an unknown unit (400), another street’s unit (403)', async () => {
    const other = await openCase(0, 'streetlight')
    const busy = await act(other.id, { action: 'dispatch', unitId: worker })
    expect(busy.status).toBe(409)
    expect(busy.body.message).toMatch(new RegExp(`${worker} .*dispatched .*on case ${c.id}; a unit cannot be on two cases at once`))
    expect((await act(other.id, { action: 'dispatch', unitId: 'GW-000' })).status).toBe(400)
    expect((await act(other.id, { action: 'dispatch' })).status).toBe(400)
    const elsewhere = `ES-${street(1)}`
    const scoped = await act(other.id, { action: 'dispatch', unitId: elsewhere }, `street-${street(0)}`)
    expect(scoped.status).toBe(403)
    expect((await getUnit(elsewhere)).status).toBe('available')
    expect((await getCase(other.id))).toMatchObject({ status: 'new', unitIds: [] })
  })

  it('walks the unit by its fixes: en route as it sets off, on scene within 50 m, and the accepted case on scene with it', async () => {
    const set = await fixes({ unitId: worker, location: offset(c.location, 400, 300) })
    expect(set.status).toBe(200)
    expect(set.body.changed.map((u) => [u.id, u.status])).toEqual([[worker, 'en_route']])
    expect((await act(c.id, { action: 'accept' })).body.status).toBe('accepted')
    await fixes([{ unitId: worker, location: offset(c.location, 200, 150) }, { unitId: worker, location: offset(c.location, 25, 10) }])
    expect(await getUnit(worker)).toMatchObject({ status: 'on_scene', caseId: c.id })
    const now = await getCase(c.id)
    expect(now.status).toBe('on_scene')
    expect(now.audit.at(-1)).toMatchObject({ action: 'arrive', from: 'accepted', to: 'on_scene', actor: `unit:${worker}` })
  })

  it('clears the unit when the case is resolved; a cleared unit may be sent again', async () => {
    const r = await act(c.id, { action: 'resolve', note: '已协调施工方停止夜间施工' })
    expect(r.body).toMatchObject({ status: 'resolved', unitIds: [] })
    expect(await getUnit(worker)).toMatchObject({ status: 'cleared', caseId: null })
    const next = await openCase(0, 'streetlight')
    expect((await act(next.id, { action: 'assign', unitId: worker })).body).toMatchObject({ status: 'assigned', unitIds: [worker] })
    expect((await act(next.id, { action: 'cancel', note: '重复工单' })).status).toBe(200)
    expect((await getUnit(worker)).status).toBe('cleared')
  })
})

describe('the whistle (吹哨) and the reports (报到)', () => {
  let c: Case
  const police = () => `DT-${street(2)}-police`

  it('is for street-tier cases only, and summons known departments', async () => {
    c = await openCase(2, 'streetlight')
    const low = await act(c.id, { action: 'whistle', departments: ['police'] })
    expect(low.status).toBe(409)
    expect(low.body.message).toMatch(/street-tier/)
    await act(c.id, { action: 'escalate' })
    await act(c.id, { action: 'escalate' })
    const bad = await act(c.id, { action: 'whistle', departments: ['police', 'navy'] })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/"navy"/)
  })

  it('summons police and fire, due in 30 minutes, and sends the street’s free police team', async () => {
    const r = await act(c.id, { action: 'whistle', departments: ['police', 'fire'], note: '占道经营引发冲突' }, `street-${street(2)}`)
    expect(r.status).toBe(200)
    const [p, f] = r.body.summons!
    expect(p).toMatchObject({ department: 'police', late: false })
    expect(Date.parse(p!.dueBy) - Date.parse(p!.at)).toBe(30 * 60_000)
    expect(f).toMatchObject({ department: 'fire', late: false })
    expect(r.body.unitIds).toEqual(expect.arrayContaining([police(), `DT-${street(2)}-fire`]))
    expect(await getUnit(police())).toMatchObject({ status: 'dispatched', caseId: c.id })
    expect((await act(c.id, { action: 'whistle', departments: ['police'] })).status).toBe(409)
  })

  it('records a report on time, and refuses one from a department not summoned', async () => {
    expect((await act(c.id, { action: 'report', department: 'water', stage: 'accept' })).status).toBe(409)
    expect((await act(c.id, { action: 'report', department: 'fire', stage: 'accept' })).status).toBe(200)
    const arrived = await act(c.id, { action: 'report', department: 'fire', stage: 'arrive' })
    expect(arrived.body.summons![1]).toMatchObject({ department: 'fire', late: false, arrivedAt: expect.any(String) })
  })

  it('has the police team report accepting as it sets off; 31 minutes on it is flagged late, and arrives late', async () => {
    await fixes({ unitId: police(), location: offset(c.location, 2000, 0) })
    expect((await getUnit(police())).status).toBe('en_route')
    const accepted = await getCase(c.id)
    expect(accepted.summons![0]!.acceptedAt).toBeDefined()
    expect(accepted.audit.at(-1)).toMatchObject({ action: 'report', actor: `unit:${police()}` })

    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 31 * 60_000)
    expect(server.app.cases.flagLateSummons().map((x) => x.id)).toContain(c.id)
    const flagged = await getCase(c.id)
    expect(flagged.summons!.map((s) => [s.department, s.late])).toEqual([['police', true], ['fire', false]])
    expect(flagged.audit.at(-1)).toMatchObject({ action: 'report_late', actor: 'system', note: expect.stringMatching(/公安/) })

    await fixes({ unitId: police(), location: offset(c.location, 10, 10) })
    const late = await getCase(c.id)
    expect(late.summons![0]).toMatchObject({ late: true, arrivedAt: expect.any(String) })
    expect(Date.parse(late.summons![0]!.arrivedAt!)).toBeGreaterThan(Date.parse(late.summons![0]!.dueBy))
    expect(await getUnit(police())).toMatchObject({ status: 'on_scene' })
  })
})
