/**
 * Scenario drills at full speed against the real app, through the real producer doors, checking each
 * scenario's documented effect (simulations/scenarios/*.ts `expectedEffect`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import type { Alarm } from '../../domain/sensors.ts'
import type { WarningsReply } from '../../domain/cap.ts'
import { expandScenario, type ExpandedScenario } from '../../simulations/expand-scenario.ts'
import { createHttpProducer } from '../../simulations/http-producer.ts'
import { playScenario, type PlayProgress } from '../../simulations/play-scenario.ts'
import { SCENARIOS } from '../../simulations/scenarios/index.ts'
import { createSimClock } from '../../simulations/sim-clock.ts'
import { createSimWorld, floorOf, type SimWorld } from '../../simulations/sim-world.ts'
import { PRODUCER_KEY, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let token: string
let world: SimWorld

beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('district')
  // The server's own district, sites and registries: nothing is generated twice.
  world = createSimWorld({ district: server.app.district, seed: server.app.config.GRIDWATCH_SEED, sites: server.app.sites })
})
afterAll(() => server.close())

const get = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}
const lastSeq = async () => (await get<{ lastSeq: number }>('/api/v1/events?sinceSeq=0&limit=5000')).lastSeq
const eventsSince = async (seq: number, source: string) =>
  (await get<{ events: StoredEvent[] }>(`/api/v1/events?sinceSeq=${seq}&source=${source}&limit=5000`)).events

/** Plays a scenario as fast as the server takes it; every request must be answered. */
async function play(name: string, runId: string): Promise<{ run: ExpandedScenario; summary: PlayProgress }> {
  const clock = createSimClock({ speed: Infinity })
  const run = expandScenario({ scenario: SCENARIOS[name]!, world, start: clock.start, runId })
  const summary = await playScenario({ events: run.events(), clock, producer: createHttpProducer({ target: server.url, apiKey: PRODUCER_KEY }) })
  expect(summary.failed).toBe(0)
  expect(summary.sent).toBe(run.scripted)
  return { run, summary }
}

describe('highrise-fire', () => {
  it('raises the alarms of one building, lowest floor first, and the calls and reports land in its compound', async () => {
    const before = await lastSeq()
    const { run, summary } = await play('highrise-fire', 'fire1')
    const building = run.focus.building!
    const compound = run.focus.compounds[0]!
    expect(summary.accepted).toBe(summary.sent)

    const { alarms } = await get<{ alarms: Alarm[] }>('/api/v1/alarms')
    expect(alarms.length).toBe(3)
    expect(new Set(alarms.map((a) => a.buildingId))).toEqual(new Set([building.properties.id]))
    expect(new Set(alarms.map((a) => a.type))).toEqual(new Set(['smoke', 'electrical']))
    expect(alarms.every((a) => a.street === run.focus.street.id)).toBe(true)
    // The fire climbs: the lower floor's smoke detector alarmed first; repeats are counted, not new alarms.
    const smoke = run.focus.buildingSensors!.smoke!
    const low = alarms.find((a) => a.sensorId === smoke[0]!.id)!
    const high = alarms.find((a) => a.sensorId === smoke.at(-1)!.id)!
    expect(floorOf(smoke[0]!)).toBeLessThan(floorOf(smoke.at(-1)!))
    expect(low.raisedAt < high.raisedAt).toBe(true)
    expect([low.count, high.count]).toEqual([3, 3])
    // The detectors read normal at the end, but an alarm stays open until an operator clears it.
    expect(low.normalAt).not.toBeNull()
    expect(low.status).toBe('active')

    const sensorEvents = await eventsSince(before, 'sensor')
    expect(sensorEvents.some((e) => e.severity === 'extreme')).toBe(true)

    const calls = await eventsSince(before, 'hotline')
    expect(calls.length).toBeGreaterThanOrEqual(5)
    expect(calls.length).toBeLessThanOrEqual(8)
    for (const c of calls) {
      expect(c.path.street).toBe(compound.properties.streetId)
      expect(c.path.grid).toBe(compound.properties.gridId)
      expect((c.attrs as { open311?: boolean }).open311).toBe(true)
    }
    const reports = await eventsSince(before, 'incident')
    expect(reports.length).toBe(3)
    for (const r of reports) {
      expect(r.category).toBe('fire_hazard')
      expect(r.path.grid).toBe(compound.properties.gridId)
    }
  })

  it('replays idempotently: the same run id stores nothing new', async () => {
    const before = await lastSeq()
    const { summary } = await play('highrise-fire', 'fire1')
    expect(summary.accepted).toBe(summary.byDoor.hotline + summary.byDoor.cap)
    expect(await lastSeq()).toBe(before)
  })
})

describe('rainstorm', () => {
  it('puts a CAP warning in force over the low-lying grids, and the surge comes from those grids', async () => {
    const before = await lastSeq()
    const { run } = await play('rainstorm', 'rain1')
    const grids = new Set(run.focus.grids.map((g) => g.properties.id))
    expect(grids.size).toBe(4)

    const { warnings, areas } = await get<WarningsReply>('/api/v1/warnings')
    const warning = warnings.find((w) => w.identifier === 'CN-SC-CD-RAIN-rain1-warning')
    expect(warning).toMatchObject({ event: '暴雨橙色预警', severity: 'severe' })
    expect(areas.features.some((f) => f.properties.identifier === warning!.identifier)).toBe(true)

    const calls = await eventsSince(before, 'hotline')
    expect(calls.length).toBeGreaterThanOrEqual(30)
    expect(calls.length).toBeLessThanOrEqual(40)
    expect(new Set(calls.map((c) => c.category))).toEqual(new Set(['waterlogging', 'fallen_tree', 'power_supply', 'drainage']))
    for (const c of calls) {
      expect(c.path.street).toBe(run.focus.street.id)
      expect(grids.has(c.path.grid!)).toBe(true)
    }
    const reports = await eventsSince(before, 'incident')
    expect(reports.length).toBeGreaterThanOrEqual(6)
    for (const r of reports) expect(grids.has(r.path.grid!)).toBe(true)
  })
})

describe('dog-complaints and hotline-surge', () => {
  it('forms a detection hotspot at the park, and the complaints come from around it', async () => {
    const before = await lastSeq()
    const { run } = await play('dog-complaints', 'dogs1')
    const cameras = new Set(run.focus.parkCameras.map((c) => c.id))
    const detections = await eventsSince(before, 'detection')
    expect(detections.length).toBeGreaterThanOrEqual(10)
    for (const d of detections) expect(cameras.has((d.attrs as { cameraId: string }).cameraId)).toBe(true)
    const { hotspots } = await get<{ hotspots: { cameraId: string; kind: string }[] }>('/api/v1/hotspots')
    expect(hotspots.some((h) => cameras.has(h.cameraId) && h.kind === 'dog_unleashed')).toBe(true)
    const around = new Set(run.focus.compounds.map((c) => c.properties.gridId))
    const calls = await eventsSince(before, 'hotline')
    expect(calls.length).toBeGreaterThanOrEqual(4)
    for (const c of calls) expect(around.has(c.path.grid!)).toBe(true)
  })

  it('puts the heating calls inside the three compounds', async () => {
    const before = await lastSeq()
    const { run } = await play('hotline-surge', 'heat1')
    const grids = new Set(run.focus.compounds.map((c) => c.properties.gridId))
    const calls = await eventsSince(before, 'hotline')
    expect(calls.length).toBeGreaterThanOrEqual(25)
    for (const c of calls) {
      expect(c.category).toBe('heating')
      expect(grids.has(c.path.grid!)).toBe(true)
    }
  })
})
