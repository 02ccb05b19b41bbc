/**
 * The roll-up (`counts.byNode`): today's events per node at every tier, in the snapshot, scoped,
 * and kept current by frames: a wall that applies the frames it receives ends with exactly what a
 * fresh snapshot says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventsFrame, Snapshot } from '../../domain/socket.ts'
import { LEVELS } from '../../domain/geo.ts'
import { createLocator, createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { countEvents } from '../../web/realtime/apply-frame.ts'
import { hotlineItem, startTestServer, waitFor, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
const rng = createRandom('rollup-test')
const expected: Record<string, number> = {}

/** Points in random micro-grids, counted independently with a locator built here. */
async function ingestRandom(n: number, prefix: string): Promise<void> {
  const { microgrids } = server.app.district
  const locator = createLocator(server.app.district)
  const items = []
  for (let i = 0; i < n; i++) {
    const cell = rng.pick(microgrids)
    const [lng, lat] = randomPointInPolygon(rng, cell) as [number, number]
    const { path } = locator.locate(lng, lat)
    for (const level of LEVELS) {
      const id = path[level]
      if (id) expected[id] = (expected[id] ?? 0) + 1
    }
    items.push(hotlineItem(`${prefix}-${i}`, lng, lat))
  }
  const res = await server.ingest(items)
  expect(res.status).toBe(201)
}

async function snapshotFor(username: string): Promise<Snapshot> {
  const socket = server.socket({ token: await server.login(username) })
  const snapshot = await waitFor<Snapshot, Snapshot>(socket, 'snapshot', (s) => s)
  socket.disconnect()
  return snapshot
}

beforeAll(async () => {
  server = await startTestServer()
  await ingestRandom(400, 'before')
})
afterAll(() => server.close())

describe('the per-node roll-up', () => {
  it('counts every event once on each tier of its path, for the whole district', async () => {
    const { counts } = await snapshotFor('district')
    expect(counts.byNode).toEqual(expected)
    expect(counts.byNode['510108']).toBe(400)
    const { streets, communities } = server.app.district
    const sum = (ids: string[]) => ids.reduce((a, id) => a + (counts.byNode[id] ?? 0), 0)
    expect(sum(streets.map((s) => s.properties.id))).toBe(400)
    expect(sum(communities.map((c) => c.properties.id))).toBe(400)
  })

  it('gives a street post only its own street’s nodes', async () => {
    const street = server.app.district.streets[3]!.properties.id
    const { counts } = await snapshotFor(`street-${street}`)
    const own = Object.fromEntries(Object.entries(expected).filter(([id]) => id.startsWith(street)))
    // The district node counts only this street's events in a street scope.
    expect(counts.byNode).toEqual({ ...own, '510108': expected[street] })
  })

  it('stays exact under live frames: snapshot + frames = a fresh snapshot', async () => {
    const socket = server.socket({ token: await server.login('wall') })
    const first = await waitFor<Snapshot, Snapshot>(socket, 'snapshot', (s) => s)
    let counts = first.counts
    let lastSeq = first.seq
    socket.on('events', (frame: EventsFrame) => {
      counts = countEvents(counts, frame.events.filter((e) => e.seq > lastSeq))
      lastSeq = Math.max(lastSeq, frame.seq)
    })
    await ingestRandom(250, 'live-a')
    await ingestRandom(250, 'live-b')
    const target = server.app.store.lastSeq()
    const end = Date.now() + 5000
    while (lastSeq < target && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
    socket.disconnect()
    expect(lastSeq).toBe(target)
    expect(counts.byNode).toEqual(expected)
    expect(counts.byNode).toEqual((await snapshotFor('wall')).counts.byNode)
  })

  it('is reloaded from the store after a restart', async () => {
    await server.restart()
    const { counts } = await snapshotFor('district')
    expect(counts.byNode).toEqual(expected)
    expect(counts.total).toBe(900)
  })
})
