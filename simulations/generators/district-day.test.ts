import { beforeAll, describe, expect, it } from 'vitest'
import { createLocator, generateDistrict } from '../../geo/index.ts'
import type { SimEvent } from '../sim-event.ts'
import { createSimWorld, type SimWorld } from '../sim-world.ts'
import { createDistrictDay, shanghaiHour } from './district-day.ts'

const SEED = 'chenghua-510108'
// 2026-03-02 00:00 in Shanghai.
const FROM = new Date('2026-03-01T16:00:00Z')
const TO = new Date(FROM.getTime() + 24 * 3_600_000)

let world: SimWorld
let day: SimEvent[]
beforeAll(() => {
  world = createSimWorld({ district: generateDistrict({ seed: SEED }), seed: SEED })
  day = [...createDistrictDay({ world, runId: 't' }).events(FROM, TO)]
}, 60_000)

const hourOf = (e: SimEvent) => Math.floor(shanghaiHour(Date.parse(e.dueAt)))
const count = (events: SimEvent[], from: number, to: number) => events.filter((e) => hourOf(e) >= from && hourOf(e) < to).length

describe('the calibrated district day', () => {
  it('is deterministic and in due order', () => {
    const again = [...createDistrictDay({ world, runId: 't' }).events(FROM, TO)]
    expect(again).toEqual(day)
    for (let i = 1; i < day.length; i++) expect(day[i - 1]!.dueAt <= day[i]!.dueAt).toBe(true)
    expect(new Set(day.map((e) => e.id)).size).toBe(day.length)
  })

  it('has about 1,000 hotline calls, busy mid-morning and mid-afternoon, quiet at night', () => {
    const calls = day.filter((e) => e.door === 'hotline')
    expect(calls.length).toBeGreaterThanOrEqual(700)
    expect(calls.length).toBeLessThanOrEqual(1300)
    const night = count(calls, 1, 5) / 4
    expect(count(calls, 9, 11) / 2).toBeGreaterThan(4 * night)
    expect(count(calls, 14, 16) / 2).toBeGreaterThan(4 * night)
    // Property, urban management, noise and utilities lead the mix.
    const codes = calls.map((e) => (e.door === 'hotline' ? String(e.form['service_code']) : ''))
    const share = (list: string[]) => codes.filter((c) => list.includes(c)).length / codes.length
    expect(share(['property_management', 'city_appearance', 'noise', 'water_supply', 'power_supply', 'gas_supply', 'heating'])).toBeGreaterThan(0.5)
  })

  it('has grid workers report only in working hours (08:30–18:00)', () => {
    const reports = day.filter((e) => e.door === 'incident')
    expect(reports.length).toBeGreaterThan(250)
    for (const r of reports) {
      const h = shanghaiHour(Date.parse(r.dueAt))
      expect(h >= 8.5 && h < 18, r.dueAt).toBe(true)
    }
  })

  it('has dog detections concentrated at dawn and in the evening, mostly at parks and compound gates', () => {
    const shots = day.filter((e) => e.door === 'detection')
    expect(shots.length).toBeGreaterThan(150)
    const peak = count(shots, 6, 8) + count(shots, 18, 21)
    expect(peak / shots.length).toBeGreaterThan(0.45)
    expect(count(shots, 6, 8) / 2).toBeGreaterThan(3 * (count(shots, 10, 16) / 6))
    const cams = new Map(world.cameras().map((c) => [c.id, c]))
    const near = shots.filter((e) => e.door === 'detection' && ['park', 'compound_gate'].includes(cams.get(e.message.cameraId)!.siteKind))
    expect(near.length / shots.length).toBeGreaterThan(0.5)
  })

  it('has rare sensor alarms that clear themselves, and faults', () => {
    const sensor = day.filter((e) => e.door === 'sensor').map((e) => (e.door === 'sensor' ? e.message : undefined)!)
    const alarms = sensor.filter((m) => m.state === 'alarm')
    expect(alarms.length).toBeGreaterThan(5)
    expect(alarms.length).toBeLessThan(60)
    for (const a of alarms) {
      const back = sensor.find((m) => m.sensorId === a.sensorId && m.state === 'normal' && m.at > a.at)
      expect(back, a.sensorId).toBeDefined()
      expect(Date.parse(back!.at) - Date.parse(a.at)).toBeLessThanOrEqual(40 * 60_000)
    }
    expect(sensor.filter((m) => m.state === 'fault').length).toBeGreaterThan(20)
    // No heartbeats unless asked.
    expect(sensor.some((m) => m.state === 'heartbeat')).toBe(false)
  })

  it('has hotspots: some grids get many more calls than others, the same in every run', () => {
    const locator = createLocator(world.full())
    const perGrid = (events: SimEvent[]) => {
      const m = new Map<string, number>()
      for (const e of events) if (e.door === 'hotline') {
        const grid = locator.locate(Number(e.form['long']), Number(e.form['lat'])).path.grid ?? '-'
        m.set(grid, (m.get(grid) ?? 0) + 1)
      }
      return m
    }
    const a = perGrid(day)
    // Another day (another run id): the same grids lead.
    const b = perGrid([...createDistrictDay({ world, runId: 'other' }).events(FROM, TO)])
    const top = [...a.entries()].sort((x, y) => y[1] - x[1]).slice(0, 10).map(([g]) => g)
    const mean = [...b.values()].reduce((x, y) => x + y, 0) / Math.max(1, b.size)
    const topB = top.reduce((n, g) => n + (b.get(g) ?? 0), 0) / top.length
    expect(topB).toBeGreaterThan(2 * mean)
  })

  it('sends heartbeats from the installed base once a minute when asked', () => {
    const from = FROM
    const to = new Date(FROM.getTime() + 120_000)
    const beats = [...createDistrictDay({ world, runId: 'hb', heartbeats: 1 }).events(from, to)].filter((e) => e.door === 'sensor' && e.message.state === 'heartbeat')
    expect(beats.length).toBe(2 * world.sensors().length)
    const sampled = [...createDistrictDay({ world, runId: 'hb', heartbeats: 0.02 }).events(from, to)].filter((e) => e.door === 'sensor' && e.message.state === 'heartbeat')
    expect(sampled.length / beats.length).toBeGreaterThan(0.01)
    expect(sampled.length / beats.length).toBeLessThan(0.03)
  })

  it('scales and keeps a floor for the demo wall', () => {
    const night = new Date('2026-03-01T19:00:00Z') // 03:00 in Shanghai
    const events = [...createDistrictDay({ world, runId: 'demo', scale: 1000, floor: 0.25 }).events(night, new Date(night.getTime() + 60_000))]
    expect(new Set(events.map((e) => e.door))).toEqual(new Set(['hotline', 'incident', 'detection', 'sensor']))
  })
})
