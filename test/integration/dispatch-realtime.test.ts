import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import type { CasesFrame, UnitsFrame } from '../../domain/socket.ts'
import type { Unit } from '../../domain/units.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, startTestServer, waitFor, type ClientSocket, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
const rng = createRandom('dispatch-realtime-test')
const pointIn = (i: number) => randomPointInPolygon(rng, server.app.district.streets[i]!)

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

async function connected(username: string): Promise<{ socket: ClientSocket; frames: CasesFrame[] }> {
  const socket = server.socket({ token: await server.login(username) })
  const frames: CasesFrame[] = []
  socket.on('cases', (f) => frames.push(f))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return { socket, frames }
}

async function ingestOne(streetIndex: number, sourceId: string): Promise<{ id: string; seq: number }> {
  const [lng, lat] = pointIn(streetIndex)
  const res = await server.ingest(hotlineItem(sourceId, lng, lat, { title: `派单测试 ${sourceId}` }))
  expect(res.status).toBe(201)
  return ((await res.json()) as { events: Array<{ id: string; seq: number }> }).events[0]!
}

const caseOf = (eventId: string) => (f: CasesFrame): Case | undefined => f.cases.find((c) => c.eventIds.includes(eventId))

describe('cases on the socket', () => {
  it('sends the case an event opens, as it stands, with the store’s seq, to the district and its own street only', async () => {
    const streets = server.app.district.streets
    const streetA = streets[2]!.properties.id
    const streetB = streets[8]!.properties.id
    const wall = await connected('wall')
    const postA = await connected(`street-${streetA}`)
    const postB = await connected(`street-${streetB}`)

    const onWall = waitFor<Case, CasesFrame>(wall.socket, 'cases', (f) => f.cases.find((c) => c.title === '派单测试 case-a'))
    const onA = waitFor<Case, CasesFrame>(postA.socket, 'cases', (f) => f.cases.find((c) => c.title === '派单测试 case-a'))
    const ack = await ingestOne(2, 'case-a')
    const [wallCase, aCase] = await Promise.all([onWall, onA])
    expect(wallCase.eventIds).toContain(ack.id)
    expect(wallCase).toMatchObject({ status: 'new', path: { street: streetA } })
    expect(aCase.id).toBe(wallCase.id)
    // The engine's document, not a copy that drifted: the REST read agrees.
    expect(server.app.cases.get(wallCase.id)).toEqual(wallCase)
    const frame = wall.frames.find((f) => caseOf(ack.id)(f))!
    expect(frame.seq).toBeGreaterThanOrEqual(ack.seq)
    expect(frame.seq).toBeLessThanOrEqual(server.app.store.lastSeq())

    // Street B hears of its own case, and never of street A's.
    const onB = waitFor<Case, CasesFrame>(postB.socket, 'cases', (f) => f.cases.find((c) => c.title === '派单测试 case-b'))
    await ingestOne(8, 'case-b')
    const bCase = await onB
    expect(bCase.path.street).toBe(streetB)
    await new Promise((r) => setTimeout(r, 300))
    expect(postB.frames.flatMap((f) => f.cases).every((c) => c.path.street === streetB)).toBe(true)
    expect(postA.frames.flatMap((f) => f.cases).every((c) => c.path.street === streetA)).toBe(true)
    expect(wall.frames.flatMap((f) => f.cases).map((c) => c.title)).toEqual(expect.arrayContaining(['派单测试 case-a', '派单测试 case-b']))
    for (const s of [wall, postA, postB]) s.socket.disconnect()
  })

  it('sends a dispatcher’s action on a case as a new version of it', async () => {
    const wall = await connected('wall')
    const opened = waitFor<Case, CasesFrame>(wall.socket, 'cases', (f) => f.cases.find((c) => c.title === '派单测试 case-act'))
    await ingestOne(4, 'case-act')
    const c = await opened
    const assigned = waitFor<Case, CasesFrame>(wall.socket, 'cases', (f) => f.cases.find((x) => x.id === c.id && x.status === 'assigned'))
    const token = await server.login('district')
    const res = await fetch(`${server.url}/api/v1/cases/${c.id}/actions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action: 'assign' }),
    })
    expect(res.status).toBe(200)
    expect((await assigned).updatedAt >= c.updatedAt).toBe(true)
    wall.socket.disconnect()
  })

  it('coalesces a burst of case changes into at most one frame per interval per room', async () => {
    const wall = await connected('wall')
    const at: number[] = []
    wall.socket.on('cases', () => at.push(Date.now()))
    const items = Array.from({ length: 30 }, (_, i) => {
      const [lng, lat] = pointIn(i % 11)
      return hotlineItem(`case-burst-${i}`, lng, lat, { title: `派单测试 burst ${i}` })
    })
    for (let i = 0; i < items.length; i += 3) {
      await server.ingest(items.slice(i, i + 3))
      await new Promise((r) => setTimeout(r, 30))
    }
    await new Promise((r) => setTimeout(r, 800))
    expect(at.length).toBeGreaterThan(0)
    expect(at.length).toBeLessThan(10)
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(200)
    wall.socket.disconnect()
  })

  it('sends a unit dispatched to a case in a units frame, to the district and its home street only', async () => {
    const streets = server.app.district.streets
    const mine = streets[4]!.properties.id
    const other = streets[9]!.properties.id
    const wall = await connected('wall')
    const post = await connected(`street-${mine}`)
    const elsewhere = await connected(`street-${other}`)
    const foreign: Unit[] = []
    elsewhere.socket.on('units', (f: UnitsFrame) => foreign.push(...f.units))

    const opened = waitFor<Case, CasesFrame>(wall.socket, 'cases', (f) => f.cases.find((c) => c.title === '派单测试 case-unit'))
    await ingestOne(4, 'case-unit')
    const c = await opened
    const token = await server.login('district')
    const auth = { authorization: `Bearer ${token}` }
    const roster = (await (await fetch(`${server.url}/api/v1/units?street=${mine}&status=available`, { headers: auth })).json()) as { units: Unit[] }
    const unit = roster.units[0]!
    const onWall = waitFor<Unit, UnitsFrame>(wall.socket, 'units', (f) => f.units.find((u) => u.id === unit.id && u.caseId === c.id))
    const onPost = waitFor<Unit, UnitsFrame>(post.socket, 'units', (f) => f.units.find((u) => u.id === unit.id))
    const res = await fetch(`${server.url}/api/v1/cases/${c.id}/actions`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ action: 'dispatch', unitId: unit.id }),
    })
    expect(res.status).toBe(200)
    const [sent, postSent] = await Promise.all([onWall, onPost])
    expect(sent.status).not.toBe('available')
    expect(postSent.home.street).toBe(mine)
    await new Promise((r) => setTimeout(r, 300))
    expect(foreign.every((u) => u.home.street === other)).toBe(true)
    expect(foreign.some((u) => u.id === unit.id)).toBe(false)
    for (const s of [wall, post, elsewhere]) s.socket.disconnect()
  })
})
