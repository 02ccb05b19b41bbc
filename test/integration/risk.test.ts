import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RiskFrame, RiskNode, RiskReport } from '../../domain/risk.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { startTestServer, type ClientSocket, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
const rng = createRandom('risk-test')

beforeAll(async () => {
  server = await startTestServer({ RISK_INTERVAL_S: '0.2' })
})
afterAll(() => server.close())

function connected(token: string): { socket: ClientSocket; frames: RiskFrame[] } {
  const socket = server.socket({ token })
  const frames: RiskFrame[] = []
  socket.on('risk', (f) => frames.push(f))
  return { socket, frames }
}

/** The first frame `pick` finds among those received so far or arriving within `ms`. */
async function received<T>(c: { frames: RiskFrame[] }, pick: (f: RiskFrame) => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    for (const f of c.frames) {
      const v = pick(f)
      if (v !== undefined) return v
    }
    if (Date.now() > until) throw new Error('timed out waiting for a risk frame')
    await new Promise((r) => setTimeout(r, 20))
  }
}
const full = (f: RiskFrame) => (f.full ? f : undefined)

async function get(path: string, token: string): Promise<{ status: number; body: RiskReport & { message?: string } }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: res.status, body: (await res.json()) as RiskReport & { message?: string } }
}

/** Extreme fire hazards in every micro-grid of a grid: enough to take it to orange or red. */
async function setAlight(gridId: string, tag: string): Promise<void> {
  const microgrids = server.app.district.microgrids.filter((m) => m.properties.parentId === gridId)
  const items = microgrids.flatMap((m, i) => [0, 1, 2].map((k) => {
    const [lng, lat] = randomPointInPolygon(rng, m)
    return {
      source: 'incident', sourceId: `${tag}-${i}-${k}`, category: 'fire_hazard', severity: 'extreme',
      occurredAt: new Date().toISOString(), location: { lng, lat }, title: '楼道堆放易燃物',
    }
  }))
  const res = await server.ingest(items)
  expect(res.status).toBe(201)
}

describe('risk by grid', () => {
  it('sends each socket every node of its scope on connect, and a street only its own', async () => {
    const { district } = server.app
    const street = district.streets[4]!.properties.id
    const wall = connected(await server.login('wall'))
    const post = connected(await server.login(`street-${street}`))
    const [wallFull, postFull] = await Promise.all([received(wall, full), received(post, full)])
    expect(wallFull.nodes).toHaveLength(1 + district.streets.length + district.communities.length + district.grids.length)
    expect(wallFull.thresholds).toEqual({ blue: 20, yellow: 40, orange: 60, red: 80 })
    const own = new Set([street, ...district.communities.filter((c) => c.properties.parentId === street).map((c) => c.properties.id)])
    for (const g of district.grids) if (own.has(g.properties.parentId!)) own.add(g.properties.id)
    expect(new Set(postFull.nodes.map((n) => n.id))).toEqual(own)
    wall.socket.disconnect()
    post.socket.disconnect()
  })

  it('raises a grid set alight to orange or red, streams it with an early warning to the district and its street only, and keeps the warning', async () => {
    const { district } = server.app
    const grid = district.grids[200]!
    const street = server.app.risk.streetOf(grid.properties.id)!
    const other = district.streets.find((s) => s.properties.id !== street)!.properties.id
    const wall = connected(await server.login('wall'))
    const post = connected(await server.login(`street-${street}`))
    const otherPost = connected(await server.login(`street-${other}`))
    await Promise.all([wall, post, otherPost].map((c) => received(c, full)))

    const before = (await get(`/api/v1/risk?level=grid`, await server.login('district'))).body.nodes.find((n) => n.id === grid.properties.id)!
    expect(before.riskLevel === 'green' || before.riskLevel === 'blue').toBe(true)

    await setAlight(grid.properties.id, 'alight')
    const warned = (c: { frames: RiskFrame[] }) => received(c, (f) => f.warnings.find((w) => w.gridId === grid.properties.id))
    const [warning, postWarning] = await Promise.all([warned(wall), warned(post)])
    expect(warning).toMatchObject({ gridId: grid.properties.id, streetId: street, from: before.riskLevel })
    expect(['orange', 'red']).toContain(warning.to)
    expect(warning.name).toContain(grid.properties.name)
    expect(warning.name).toContain(district.streets.find((s) => s.properties.id === street)!.properties.name)
    expect(postWarning.id).toBe(warning.id)

    // The frame that carried it also carried the grid's new score, and its street's.
    const frame = wall.frames.find((f) => f.warnings.some((w) => w.id === warning.id))!
    const node = frame.nodes.find((n) => n.id === grid.properties.id) as RiskNode
    expect(node.riskLevel).toBe(warning.to)
    expect(node.parts.events).toBeGreaterThan(50)
    expect(frame.nodes.some((n) => n.id === street)).toBe(true)

    // Another street hears nothing of it.
    await new Promise((r) => setTimeout(r, 600))
    for (const f of otherPost.frames) {
      expect(f.nodes.every((n) => n.level !== 'district' && server.app.risk.streetOf(n.id) === other)).toBe(true)
      expect(f.warnings.every((w) => w.streetId === other)).toBe(true)
    }

    // The REST read agrees, within each caller's scope.
    const asDistrict = await get('/api/v1/risk?level=grid', await server.login('district'))
    expect(asDistrict.body.nodes).toHaveLength(district.grids.length)
    expect(asDistrict.body.nodes.find((n) => n.id === grid.properties.id)?.riskLevel).toBe(warning.to)
    expect(asDistrict.body.warnings[0]).toEqual(warning)
    const asOther = await get('/api/v1/risk?level=grid', await server.login(`street-${other}`))
    expect(asOther.body.nodes.every((n) => server.app.risk.streetOf(n.id) === other)).toBe(true)
    expect(asOther.body.warnings.some((w) => w.id === warning.id)).toBe(false)
    expect((await get(`/api/v1/risk?street=${street}`, await server.login(`street-${other}`))).status).toBe(403)

    // The 24-hour forecast: the burst fades, but its share of the last day's rate keeps the grid above
    // a grid with no events, whose forecast is its vulnerability alone.
    const ahead = await get('/api/v1/risk?level=grid&forecast=true', await server.login('district'))
    expect(ahead.body.forecastHours).toBe(24)
    const hot = ahead.body.nodes.find((n) => n.id === grid.properties.id)!
    expect(hot.forecast!.score).toBeLessThan(hot.score)
    expect(hot.forecast!.parts.events).toBeGreaterThan(5)
    expect(hot.forecast!.parts.alarms).toBe(0)
    const quiet = ahead.body.nodes.find((n) => n.parts.events === 0 && n.parts.alarms === 0)!
    expect(quiet.forecast).toMatchObject({ score: quiet.score, parts: { events: 0, vulnerability: quiet.parts.vulnerability } })
    expect((await get('/api/v1/risk?level=grid', await server.login('district'))).body.nodes[0]!.forecast).toBeUndefined()
    for (const c of [wall, post, otherPost]) c.socket.disconnect()

    // A restart reads the recent events again and keeps the warning, without raising it twice.
    await server.restart()
    const after = await get('/api/v1/risk?level=grid', await server.login('district'))
    expect(after.body.nodes.find((n) => n.id === grid.properties.id)?.riskLevel).toBe(warning.to)
    expect(after.body.warnings.filter((w) => w.gridId === grid.properties.id)).toEqual([warning])
  })

  it('counts an open sensor alarm in its micro-grid until it is cleared', async () => {
    const sensor = server.app.sensors.registry.list({ type: 'gas', limit: 200 }).find((s) => s.path.microgrid)!
    const microgrid = sensor.path.microgrid!
    const token = await server.login('district')
    const alarmsPart = async () =>
      (await get(`/api/v1/risk?level=microgrid&street=${sensor.path.street}`, token)).body.nodes.find((n) => n.id === microgrid)!.parts.alarms
    const before = await alarmsPart()
    const res = await fetch(`${server.url}/api/v1/sensors/events`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'demo-producer-key' },
      body: JSON.stringify({ sensorId: sensor.id, state: 'alarm', at: new Date().toISOString(), value: 9, messageId: 'risk-gas-1' }),
    })
    expect(res.status).toBe(201)
    const deadline = Date.now() + 5000
    while ((await alarmsPart()) < before + 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(await alarmsPart()).toBe(Math.min(30, before + 15))

    // Acknowledged, it still counts: the danger is still there. Cleared, it does not.
    const alarm = server.app.sensors.alarms.findOpen(sensor.id, 'gas')!
    const act = (step: 'ack' | 'clear') =>
      fetch(`${server.url}/api/v1/alarms/${alarm.id}/${step}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })
    expect((await act('ack')).status).toBe(200)
    await new Promise((r) => setTimeout(r, 500))
    expect(await alarmsPart()).toBe(Math.min(30, before + 15))
    expect((await act('clear')).status).toBe(200)
    while ((await alarmsPart()) > before && Date.now() < deadline + 5000) await new Promise((r) => setTimeout(r, 100))
    expect(await alarmsPart()).toBe(before)
  })

  it('scores every micro-grid when asked for them, and refuses a tier that does not exist', async () => {
    const token = await server.login('leader')
    const micro = await get('/api/v1/risk?level=microgrid', token)
    expect(micro.body.nodes).toHaveLength(server.app.district.microgrids.length)
    expect(micro.body.nodes.every((n) => n.score >= 0 && n.score <= 100)).toBe(true)
    const bad = await get('/api/v1/risk?level=block', token)
    expect(bad.status).toBe(400)
  })
})
