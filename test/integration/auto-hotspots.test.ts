import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import type { AnyHotspot } from '../../domain/hotspots.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
const rng = createRandom('auto-hotspots-test')

beforeAll(async () => {
  server = await startTestServer({ HOTSPOT_AUTO_INTERVAL_S: '0.2' })
})
afterAll(() => server.close())

async function api<T>(method: string, path: string, token: string): Promise<{ status: number; body: T & { message?: string } }> {
  const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } })
  return { status: res.status, body: (await res.json()) as T & { message?: string } }
}

async function hotspotsUntil(token: string, found: (h: AnyHotspot[]) => boolean): Promise<AnyHotspot[]> {
  for (let i = 0; i < 100; i++) {
    const { body } = await api<{ hotspots: AnyHotspot[] }>('GET', '/api/v1/hotspots', token)
    if (found(body.hotspots)) return body.hotspots
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('no such hotspots')
}

describe('automatic hotspots (高频事件)', () => {
  it('finds repeated noise calls on one block as a cluster, sends it to the department in one click, once', async () => {
    const { district } = server.app
    const community = district.communities[30]!
    const street = community.properties.parentId!
    const other = district.streets.find((s) => s.properties.id !== street)!.properties.id
    // Inside a micro-grid of the community, away from its edges (the calls spread some 40 m).
    const [lng, lat] = randomPointInPolygon(rng, district.microgrids.find((m) => m.properties.id.startsWith(community.properties.id))!)
    // Seven calls within about 40 m of one another.
    const calls = Array.from({ length: 7 }, (_, i) => hotlineItem(`noise-${i}`, lng + (i % 3) * 0.0002, lat + Math.floor(i / 3) * 0.0002, { category: 'noise' }))
    expect((await server.ingest(calls)).status).toBe(201)

    const district_ = await server.login('district')
    const found = await hotspotsUntil(district_, (hs) => hs.some((h) => h.type === 'cluster'))
    const cluster = found.find((h) => h.type === 'cluster')!
    expect(cluster).toMatchObject({ source: 'hotline', category: 'noise', count: 7, caseId: null, path: { street, community: community.properties.id } })
    expect(cluster.type === 'cluster' && cluster.radiusM).toBeLessThan(60)
    expect(cluster.eventIds).toHaveLength(7)
    // The community is well above the rest of the district too, but the cluster already says where.
    expect(found.filter((h) => h.type === 'frequency')).toEqual([])

    // Scope: another street sees none of it, cannot send it, and the read-only roles cannot send at all.
    const otherPost = await server.login(`street-${other}`)
    expect((await api<{ hotspots: AnyHotspot[] }>('GET', '/api/v1/hotspots', otherPost)).body.hotspots).toEqual([])
    expect((await api('POST', `/api/v1/hotspots/${encodeURIComponent(cluster.id)}/dispatch`, otherPost)).status).toBe(404)
    expect((await api('POST', `/api/v1/hotspots/${encodeURIComponent(cluster.id)}/dispatch`, await server.login('leader'))).status).toBe(403)
    expect((await api('POST', '/api/v1/hotspots/HF-none/dispatch', district_)).status).toBe(404)

    // One click by the street's own post: a topic case at the street, for the environment department.
    const post = await server.login(`street-${street}`)
    const sent = await api<{ hotspot: AnyHotspot; case: Case }>('POST', `/api/v1/hotspots/${encodeURIComponent(cluster.id)}/dispatch`, post)
    expect(sent.status).toBe(201)
    expect(sent.body.case).toMatchObject({ status: 'new', tier: 'street', department: 'environment', source: 'hotline', category: 'noise', eventCount: 7, path: { street } })
    expect(sent.body.case.title).toContain('高频事件')
    expect(sent.body.hotspot.caseId).toBe(sent.body.case.id)
    const again = await api('POST', `/api/v1/hotspots/${encodeURIComponent(cluster.id)}/dispatch`, district_)
    expect(again.status).toBe(409)
    expect(again.body.message).toContain(sent.body.case.id)
    // Its events are the hotspot's reports, which stay in their own cases too.
    const read = await api<Case & { events: Array<{ id: string }> }>('GET', `/api/v1/cases/${sent.body.case.id}`, post)
    expect(read.status).toBe(200)
    expect(read.body.events.map((e) => e.id).sort()).toEqual([...cluster.eventIds].sort())
    expect(server.app.cases.caseOfEvent(cluster.eventIds[0]!)?.id).not.toBe(sent.body.case.id)

    // A further call on the block joins no topic case: it is a call like any other.
    const more = await server.ingest(hotlineItem('noise-more', lng, lat, { category: 'noise' }))
    const { id: moreId } = ((await more.json()) as { events: Array<{ id: string }> }).events[0]!
    await new Promise((r) => setTimeout(r, 300))
    expect(server.app.cases.caseOfEvent(moreId)?.id).not.toBe(sent.body.case.id)
    const after = await hotspotsUntil(district_, (hs) => hs.some((h) => h.id === cluster.id && h.count === 8))
    expect(after.find((h) => h.id === cluster.id)?.caseId).toBe(sent.body.case.id)

    // A restart finds it again from the store, still sent.
    await server.restart()
    const token = await server.login('district')
    const back = await hotspotsUntil(token, (hs) => hs.some((h) => h.id === cluster.id))
    expect(back.find((h) => h.id === cluster.id)).toMatchObject({ count: 8, caseId: sent.body.case.id })
    expect((await api('POST', `/api/v1/hotspots/${encodeURIComponent(cluster.id)}/dispatch`, token)).status).toBe(409)
    const reread = await api<Case & { events: Array<{ id: string }> }>('GET', `/api/v1/cases/${sent.body.case.id}`, token)
    expect(reread.body).toMatchObject({ eventCount: 7, eventIds: cluster.eventIds })
    expect(reread.body.events).toHaveLength(7)
  })

  it('sends a community\'s frequency hotspot and the cluster inside it as one case', async () => {
    const { district } = server.app
    const community = district.communities[55]!
    const micro = district.microgrids.filter((m) => m.properties.id.startsWith(community.properties.id))
    // Six calls on one block, and four more each in another micro-grid of the community: the cluster
    // holds too few of the community's ten to stand for it, so both are found.
    const [lng, lat] = randomPointInPolygon(rng, micro[0]!)
    const block = Array.from({ length: 6 }, (_, i) => hotlineItem(`fumes-${i}`, lng + (i % 3) * 0.0002, lat + Math.floor(i / 3) * 0.0002, { category: 'cooking_fumes' }))
    const spread = micro.slice(-4).map((m, i) => {
      const [x, y] = randomPointInPolygon(rng, m)
      return hotlineItem(`fumes-spread-${i}`, x, y, { category: 'cooking_fumes' })
    })
    expect((await server.ingest([...block, ...spread])).status).toBe(201)
    const token = await server.login('district')
    const ofFumes = (hs: AnyHotspot[]) => hs.filter((h) => h.type !== 'detection' && h.category === 'cooking_fumes')
    const both = ofFumes(await hotspotsUntil(token, (hs) => ofFumes(hs).length === 2))
    const cluster = both.find((h) => h.type === 'cluster')!
    const frequency = both.find((h) => h.type === 'frequency')!
    expect(frequency).toMatchObject({ count: 10, areaId: community.properties.id })

    const sent = await api<{ case: Case }>('POST', `/api/v1/hotspots/${encodeURIComponent(cluster.id)}/dispatch`, token)
    expect(sent.status).toBe(201)
    const again = await api('POST', `/api/v1/hotspots/${encodeURIComponent(frequency.id)}/dispatch`, token)
    expect(again.status).toBe(409)
    expect(again.body.message).toContain(sent.body.case.id)
    const listed = ofFumes((await api<{ hotspots: AnyHotspot[] }>('GET', '/api/v1/hotspots', token)).body.hotspots)
    expect(listed.map((h) => h.caseId)).toEqual([sent.body.case.id, sent.body.case.id])
  })
})
