/** `npm start`'s demo simulation (normal-day in real time) posts every source through its own door. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import { startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ SIMULATION: 'on', SIMULATION_RATE: '1200' })
})
afterAll(() => server.close())

it('stores events from every source and the run’s warning, within seconds', async () => {
  const token = await server.login('district')
  const bySource = new Map<string, StoredEvent[]>()
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500))
    const res = await fetch(`${server.url}/api/v1/events?limit=5000`, { headers: { authorization: `Bearer ${token}` } })
    const { events } = (await res.json()) as { events: StoredEvent[] }
    bySource.clear()
    for (const e of events) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e])
    if (['hotline', 'incident', 'detection', 'sensor', 'cap'].every((s) => bySource.has(s))) break
  }
  expect([...bySource.keys()].sort()).toEqual(['cap', 'detection', 'hotline', 'incident', 'sensor'])
  // Hotline calls came in over Open311, sensor messages over the sensor platform's door.
  expect(bySource.get('hotline')!.every((e) => (e.attrs as { open311?: boolean }).open311 === true)).toBe(true)
  expect(bySource.get('sensor')!.every((e) => typeof (e.attrs as { sensorId?: string }).sensorId === 'string')).toBe(true)
  expect(bySource.get('incident')!.every((e) => typeof (e.attrs as { workerId?: string }).workerId === 'string')).toBe(true)
})
