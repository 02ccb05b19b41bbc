import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Briefing } from '../../domain/briefing.ts'
import type { IngestItem } from '../../domain/event.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { dayDate } from '../../server/briefing/briefing-period.ts'
import { shanghaiDay } from '../../server/kpi/kpi-periods.ts'
import { hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
const rng = createRandom('briefing-test')

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

async function get<T = Briefing>(path: string, token?: string): Promise<{ status: number; body: T & { message?: string } }> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, body: (await res.json()) as T & { message?: string } }
}

describe('the situation briefing (态势简报)', () => {
  it('sums the day against the day before, by street, with its hotspots, gravest incidents and topics, in scope', async () => {
    const { district } = server.app
    const community = district.communities[12]!
    const street = community.properties.parentId!
    const otherStreet = district.streets.find((s) => s.properties.id !== street)!.properties.id
    const pointIn = (id: string) => randomPointInPolygon(rng, district.microgrids.find((m) => m.properties.id.startsWith(id))!)
    const [lng, lat] = pointIn(community.properties.id)
    const other = district.communities.find((c) => c.properties.parentId === otherStreet)!
    const items: IngestItem[] = [
      // Six noise calls in one community, spread over its micro-grid.
      ...Array.from({ length: 6 }, (_, i) => hotlineItem(`brief-noise-${i}`, lng + i * 0.00005, lat, { category: 'noise' })),
      // Two grave incidents in the same street.
      ...[0, 1].map((i) => ({
        source: 'incident', sourceId: `brief-fire-${i}`, category: 'fire_hazard', severity: 'extreme', occurredAt: new Date().toISOString(),
        location: { lng: lng + 0.0001, lat: lat + 0.0001 * i }, title: '楼道堆放杂物起火隐患', attrs: { workerId: 'W0010001' },
      }) as IngestItem),
      // Three calls in another street.
      ...[0, 1, 2].map((i) => {
        const [x, y] = pointIn(other.properties.id)
        return hotlineItem(`brief-other-${i}`, x, y, { category: 'garbage_collection' })
      }),
    ]
    const res = await server.ingest(items)
    expect(res.status, await res.clone().text()).toBe(201)
    // The cases follow the commit; the daily counts are read as they stand when asked.
    await new Promise((r) => setTimeout(r, 300))

    const token = await server.login('leader')
    const { status, body: b } = await get('/api/v1/briefings/daily', token)
    expect(status).toBe(200)
    const today = shanghaiDay(Date.now())
    expect(b).toMatchObject({ kind: 'daily', date: dayDate(today), complete: false, scope: { level: 'district' } })
    // A day still running is compared with the same stretch of yesterday.
    expect(Date.parse(b.previous.until) - Date.parse(b.previous.since)).toBeCloseTo(Date.parse(b.generatedAt) - Date.parse(b.since), -3)
    expect(b.headline.events).toEqual({ now: 11, previous: 0 })
    expect(b.headline.bySource.find((s) => s.source === 'hotline')).toMatchObject({ now: 9 })
    expect(b.headline.bySeverity.find((s) => s.severity === 'extreme')).toMatchObject({ now: 2 })
    expect(b.headline.cases.opened.now).toBeGreaterThanOrEqual(2)
    // The trend's hours add up to the day, this hour holding them all.
    expect(b.trend.buckets).toHaveLength(24)
    expect(b.trend.buckets.reduce((s, x) => s + x.now, 0)).toBe(11)
    const hour = new Date(Date.parse(b.generatedAt) + 8 * 3_600_000).getUTCHours()
    expect(b.trend.buckets.findIndex((x) => x.now > 0)).toBeGreaterThanOrEqual(hour - 1)
    expect(b.trend.buckets.findLastIndex((x) => x.now > 0)).toBe(hour)
    expect(b.streets.find((s) => s.id === street)?.events.now).toBe(8)
    expect(b.streets.find((s) => s.id === otherStreet)?.events.now).toBe(3)
    expect(b.kpi.streets).toHaveLength(district.streets.length)
    expect(b.hotspots[0]).toMatchObject({ communityId: community.properties.id, streetId: street, source: 'hotline', category: 'noise', count: 6, previous: 0 })
    expect(b.notable[0]).toMatchObject({ severity: 'extreme', category: 'fire_hazard', title: '楼道堆放杂物起火隐患' })
    expect(b.notable[0]!.caseId).toMatch(/^C-\d{7}$/)
    expect(b.topics.items.find((t) => t.category === 'noise')).toMatchObject({ count: 6, communities: 1, top: [{ id: community.properties.id, count: 6 }] })

    // A street user's briefing is their street's, and another street's is refused.
    const post = await server.login(`street-${street}`)
    const mine = await get(`/api/v1/briefings/daily`, post)
    expect(mine.body.scope).toMatchObject({ level: 'street', id: street })
    expect(mine.body.headline.events.now).toBe(8)
    expect(mine.body.streets.map((s) => s.id)).toEqual([street])
    expect(mine.body.hotspots.every((h) => h.streetId === street)).toBe(true)
    expect((await get(`/api/v1/briefings/daily?street=${otherStreet}`, post)).status).toBe(403)
    // The district's users may read a street's.
    expect((await get(`/api/v1/briefings/daily?street=${otherStreet}`, token)).body.headline.events.now).toBe(3)

    // The week holding today: seven days from Monday, today's holding the events.
    const week = (await get(`/api/v1/briefings/weekly?date=${dayDate(today)}`, token)).body
    expect(week.trend.unit).toBe('day')
    expect(week.trend.buckets).toHaveLength(7)
    expect(week.trend.buckets[(today + 3) % 7]!.now).toBe(11)
    expect(new Date(Date.parse(week.since) + 8 * 3_600_000).getUTCDay()).toBe(1)

    // Yesterday is over, and was empty.
    const yesterday = (await get(`/api/v1/briefings/daily?date=${dayDate(today - 1)}`, token)).body
    expect(yesterday).toMatchObject({ complete: true, headline: { events: { now: 0 } } })
    expect(yesterday.hotspots).toEqual([])
  })

  it('refuses dates that do not exist or are still to come, and readers without a token', async () => {
    const token = await server.login('district')
    const bad = await get('/api/v1/briefings/daily?date=2026-02-30', token)
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('2026-02-30')
    const future = await get(`/api/v1/briefings/weekly?date=${dayDate(shanghaiDay(Date.now()) + 8)}`, token)
    expect(future.status).toBe(400)
    expect(future.body.message).toContain('future')
    expect((await get('/api/v1/briefings/daily?date=07-12-2026', token)).status).toBe(400)
    expect((await get('/api/v1/briefings/daily')).status).toBe(401)
  })
})
