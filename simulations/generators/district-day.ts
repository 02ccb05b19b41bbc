/**
 * The calibrated day: what a district of about 1.5 million people produces, by the hour. Each source
 * is its own stream with a daily total and an hourly profile read on the SIMULATED clock in
 * Asia/Shanghai (UTC+8, no daylight saving), drawn as a non-homogeneous Poisson process (thinning), so
 * the same seed, start and run id always give the same sequence.
 *
 * - 12345 hotline: ~1,000 calls a day, peaks mid-morning and mid-afternoon, quiet at night; property,
 *   urban management, noise and utilities dominate; calls come from compounds (old ones more),
 *   markets and construction sites, according to the service.
 * - Grid workers: patrol reports only in working hours (08:30–18:00), with a lunch dip.
 * - AI cameras: dog detections peaking at dawn (06–08) and in the evening (18–21), mostly at park
 *   and compound-gate cameras, with a few seeded trouble cameras.
 * - Sensors: faults around the clock; rare alarms, mostly false (cooking smoke at meal times) that
 *   clear themselves with a `normal` message a few minutes later; optionally the heartbeats of the
 *   installed base (all 25,620 sensors every 60 s, or a seeded sample of them).
 * - Hotspots: every street, compound and camera has a seeded weight; a few are persistently worse.
 */
import type { Camera } from '../../domain/cameras.ts'
import type { Bbox } from '../../domain/detection-frame.ts'
import type { IngestItem, Severity } from '../../domain/event.ts'
import type { SensorEntry, SensorMessage } from '../../domain/sensors.ts'
import { TAXONOMY } from '../../domain/taxonomy.ts'
import { createRandom, randomPointInPolygon, type Random } from '../../geo/index.ts'
import { snapshotUrls } from '../../server/cameras/snapshot-url.ts'
import { itemToDoor } from '../item-to-door.ts'
import type { SimEvent } from '../sim-event.ts'
import type { SimWorld } from '../sim-world.ts'
import { TITLES } from './titles.ts'
import { mergeByDue } from '../merge-by-due.ts'

export type DayStream = 'hotline' | 'patrol' | 'detection' | 'fault' | 'alarm'

/** Events a day in the real district (an alarm also sends its `normal`, not counted here). */
export const PER_DAY: Readonly<Record<DayStream, number>> = { hotline: 1000, patrol: 420, detection: 260, fault: 64, alarm: 24 }

/** The average of the calibrated streams, events per minute (heartbeats and `normal`s not counted). */
export const CALIBRATED_PER_MINUTE = Object.values(PER_DAY).reduce((a, b) => a + b, 0) / 1440

/** Relative weights per Shanghai hour 0–23. */
export const PROFILE: Readonly<Record<DayStream, readonly number[]>> = {
  //        0  1    2  3  4  5    6  7  8   9   10  11  12  13 14  15  16  17  18  19 20 21 22 23
  hotline: [4, 2, 1.5, 1, 1, 1.5, 3, 8, 14, 19, 20, 16, 10, 11, 17, 19, 17, 13, 10, 9, 8, 7, 6, 5],
  // 08:30–18:00 only (hour 8 counts its second half); lunch dip at 12–13.
  patrol: [0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 2.5, 1, 1.5, 3, 3, 2.5, 2, 0, 0, 0, 0, 0, 0],
  // Dogs walked at dawn and after dinner.
  detection: [1, 0.5, 0.3, 0.3, 0.5, 3, 9, 10, 5, 2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 2, 3, 8, 10, 9, 5, 3, 2],
  fault: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  // Cooking smoke at meal times.
  alarm: [0.5, 0.3, 0.3, 0.3, 0.3, 0.5, 1, 2, 1.5, 1, 1.5, 4, 4, 2, 1, 1, 1.5, 4, 5, 4, 2, 1, 0.8, 0.6],
}

const HOUR = 3_600_000
const SHANGHAI_OFFSET = 8 * HOUR
/** The fractional hour of the day in Asia/Shanghai (UTC+8 all year). */
export const shanghaiHour = (ms: number): number => (((ms + SHANGHAI_OFFSET) % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR) / HOUR

/** The stream's weight at a fractional Shanghai hour (patrols only between 08:30 and 18:00). */
function weightAt(stream: DayStream, h: number): number {
  if (stream === 'patrol' && (h < 8.5 || h >= 18)) return 0
  return PROFILE[stream][Math.floor(h)]!
}

/** The sum of a day's hourly weights (hour 8 counts half for patrols). */
function dayWeight(stream: DayStream): number {
  return PROFILE[stream].reduce((a, w, h) => a + (stream === 'patrol' && h === 8 ? w / 2 : w), 0)
}

/**
 * Events per hour of the stream at a moment, for a `scale` of the real district and a demo `floor`
 * (the share of the daily total spread evenly over the day, so a demo wall never goes silent).
 */
export function hourlyRate(stream: DayStream, ms: number, scale = 1, floor = 0): number {
  return scale * PER_DAY[stream] * ((1 - floor) * (weightAt(stream, shanghaiHour(ms)) / dayWeight(stream)) + floor / 24)
}

/** 12345 services and what share of calls they get: property, urban management, noise, utilities lead. */
export const HOTLINE_MIX: Readonly<Record<string, number>> = {
  property_management: 18, city_appearance: 12, noise: 12, water_supply: 7, power_supply: 6, gas_supply: 4, heating: 2,
  illegal_construction: 6, road_damage: 5, market_supervision: 5, dog_keeping: 4, wage_arrears: 3, waterlogging: 2, fallen_tree: 1,
}

type PlaceKind = 'compound' | 'market' | 'construction' | 'street'
/** Where a service's callers are: weighted place kinds. */
const HOTLINE_PLACES: Readonly<Record<string, readonly [PlaceKind, number][]>> = {
  property_management: [['compound', 1]], heating: [['compound', 1]], water_supply: [['compound', 0.9], ['street', 0.1]],
  power_supply: [['compound', 0.9], ['street', 0.1]], gas_supply: [['compound', 1]], dog_keeping: [['compound', 1]],
  noise: [['compound', 0.55], ['construction', 0.3], ['market', 0.15]],
  city_appearance: [['market', 0.5], ['street', 0.3], ['compound', 0.2]],
  market_supervision: [['market', 1]], illegal_construction: [['construction', 0.5], ['compound', 0.5]],
  wage_arrears: [['construction', 1]], road_damage: [['street', 1]], waterlogging: [['street', 0.6], ['compound', 0.4]],
  fallen_tree: [['street', 0.7], ['compound', 0.3]],
}

const PATROL_MIX: readonly { value: string; weight: number }[] = [
  { value: 'environment', weight: 35 }, { value: 'facility_damage', weight: 25 }, { value: 'fire_hazard', weight: 18 },
  { value: 'public_order', weight: 12 }, { value: 'dispute', weight: 10 },
]

/** Picks by weight in O(log n): the district has thousands of compounds. */
interface Picker<T> {
  pick(rng: Random): T
  readonly size: number
}
function picker<T>(items: readonly T[], weight: (t: T) => number): Picker<T> {
  const cum = new Float64Array(items.length)
  let total = 0
  items.forEach((t, i) => (cum[i] = total += weight(t)))
  return {
    size: items.length,
    pick(rng) {
      const x = rng.next() * total
      let lo = 0
      let hi = items.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cum[mid]! > x) hi = mid
        else lo = mid + 1
      }
      return items[lo]!
    },
  }
}

/** A seeded "how much worse than usual" factor: most near 1, about one in ten three to five times worse. */
function hotspot(rng: Random): number {
  return rng.next() < 0.1 ? rng.range(3, 5) : rng.range(0.5, 1.5)
}

export interface DistrictDayOptions {
  world: SimWorld
  runId: string
  /** The real district is 1; `CALIBRATED_PER_MINUTE * scale` events a minute on average. */
  scale?: number
  /** The share of each stream spread evenly over the day (0–1); the demo uses a little, so the wall never sleeps. */
  floor?: number
  /** The share of the installed base that sends heartbeats (0 = none, 1 = all 25,620 every interval). */
  heartbeats?: number
  heartbeatIntervalS?: number
  /** The `step` each event is tagged with. */
  step?: string
}

export interface DistrictDay {
  /** The events due in [from, to), in due order (a `normal` may fall a few minutes after `to`). */
  events(from: Date, to: Date): Generator<SimEvent>
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7
const round3 = (x: number) => Math.round(x * 1000) / 1000

/**
 * @example
 * const day = createDistrictDay({ world, runId: 'day1' })
 * const events = [...day.events(new Date('2026-03-02T16:00:00Z'), new Date('2026-03-03T16:00:00Z'))] // one Shanghai day
 */
export function createDistrictDay(o: DistrictDayOptions): DistrictDay {
  const seed = o.world.seed
  const root = createRandom(seed).fork('district-day')
  const scale = o.scale ?? 1
  const floor = Math.min(1, Math.max(0, o.floor ?? 0))
  const run = `${o.runId}-${seed}`
  const step = o.step ?? 'day'

  // Places and their seeded weights, built on first use (the same for every run with this seed).
  type Places = {
    streets: Picker<{ id: string; feature: Parameters<typeof randomPointInPolygon>[1] }>
    byKind: Record<Exclude<PlaceKind, 'street'>, Picker<{ streetId: string; feature: Parameters<typeof randomPointInPolygon>[1] }>>
    cameras: Picker<Camera>
    sensors: readonly SensorEntry[]
    alarmSensors: Picker<SensorEntry>
  }
  let places: Places | undefined
  const load = (): Places => {
    if (places) return places
    const w = root.fork('hotspots')
    const sites = o.world.sites()
    const streetWeight = new Map(o.world.district.streets.map((s) => [s.properties.id, 0.4 + w.fork(`street:${s.properties.id}`).next() * 1.6]))
    const sw = (id: string) => streetWeight.get(id) ?? 1
    const compoundWeight = new Map(sites.compounds.map((c) => [c.properties.id, (c.properties.old ? 2.5 : 1) * hotspot(w.fork(`compound:${c.properties.id}`)) * sw(c.properties.streetId)]))
    const dedicated = (kind: string) => sites.dedicated.filter((d) => d.properties.kind === kind)
      .map((d) => ({ streetId: d.properties.streetId, feature: d, weight: hotspot(w.fork(`site:${d.properties.id}`)) * sw(d.properties.streetId) }))
    const compounds = sites.compounds.map((c) => ({ streetId: c.properties.streetId, feature: c, weight: compoundWeight.get(c.properties.id)! }))
    const cameraKind: Record<string, number> = { park: 3, compound_gate: 2, market: 0.6, street: 0.4, school: 0.2 }
    const cameras = o.world.cameras()
    const sensors = o.world.sensors()
    const alarmSensors = sensors.filter((s) => s.type !== 'electrical')
    places = {
      streets: picker(o.world.district.streets.map((s) => ({ id: s.properties.id, feature: s, weight: sw(s.properties.id) })), (s) => s.weight),
      byKind: { compound: picker(compounds, (c) => c.weight), market: picker(dedicated('market'), (d) => d.weight), construction: picker(dedicated('construction'), (d) => d.weight) },
      cameras: picker(cameras, (c) => (cameraKind[c.siteKind] ?? 0.5) * hotspot(w.fork(`camera:${c.id}`)) * sw(c.path.street ?? '')),
      sensors,
      // Cooking smoke: mostly smoke detectors in homes, more in old compounds; some heat and gas.
      alarmSensors: picker(alarmSensors, (s) => (s.type === 'smoke' ? 6 : s.type === 'gas' ? 1 : 0.6) * (compoundWeight.get(s.siteId ?? '') ?? 0.5)),
    }
    return places
  }

  const pointIn = (rng: Random, kind: PlaceKind): { lng: number; lat: number } => {
    const p = load()
    const list = kind === 'street' ? p.streets : p.byKind[kind]
    const where = list.size > 0 ? list.pick(rng) : p.streets.pick(rng)
    const [lng, lat] = randomPointInPolygon(rng, where.feature)
    return { lng: round7(lng), lat: round7(lat) }
  }
  const hotlineServices = Object.entries(HOTLINE_MIX)
    .filter(([code]) => TAXONOMY.hotline.some((d) => d.code === code))
    .map(([value, weight]) => ({ value, weight }))

  /** Arrival times of one stream in [from, to): thinning against the stream's peak rate. */
  function* arrivals(stream: DayStream, rng: Random, from: number, to: number): Generator<number> {
    const peak = Math.max(...Array.from({ length: 24 }, (_, h) => hourlyRate(stream, Date.UTC(2000, 0, 1, h - 8, 45), scale, floor)))
    if (!(peak > 0)) return
    const meanGap = HOUR / peak
    let t = from
    for (;;) {
      t += -Math.log(1 - rng.next()) * meanGap
      if (t >= to) return
      if (rng.next() * peak < hourlyRate(stream, t, scale, floor)) yield t
    }
  }

  const sev = (rng: Random): Severity | undefined => {
    const r = rng.next()
    return r < 0.02 ? 'severe' : r < 0.12 ? 'moderate' : undefined
  }

  function* hotline(rng: Random, from: number, to: number): Generator<SimEvent> {
    let n = 0
    for (const t of arrivals('hotline', rng, from, to)) {
      const service = rng.weighted(hotlineServices)
      const kind = rng.weighted((HOTLINE_PLACES[service] ?? [['compound', 1]]).map(([value, weight]) => ({ value, weight })))
      const location = pointIn(rng, kind)
      // A call is logged a little after the caller saw the problem.
      const occurredAt = new Date(t - Math.round(rng.range(0, 600_000))).toISOString()
      const s = sev(rng)
      const item = { source: 'hotline', sourceId: `${run}-c${++n}`, category: service, occurredAt, location, title: rng.pick(TITLES[service] ?? [service]), ...(s ? { severity: s } : {}) } as IngestItem
      yield itemToDoor(item, step, new Date(t))
    }
  }

  function* patrol(rng: Random, from: number, to: number): Generator<SimEvent> {
    let n = 0
    for (const t of arrivals('patrol', rng, from, to)) {
      const category = rng.weighted(PATROL_MIX)
      const location = pointIn(rng, rng.next() < 0.6 ? 'compound' : 'street')
      const street = load().streets.pick(rng).id
      const s = sev(rng)
      const item = {
        source: 'incident', sourceId: `${run}-p${++n}`, category, occurredAt: new Date(t - Math.round(rng.range(0, 300_000))).toISOString(), location,
        title: rng.pick(TITLES[category] ?? [category]), ...(s ? { severity: s } : {}),
        attrs: { workerId: `W${street.slice(-3)}${rng.int(1, 700).toString().padStart(4, '0')}` },
      } as IngestItem
      yield itemToDoor(item, step, new Date(t))
    }
  }

  function* detection(rng: Random, from: number, to: number): Generator<SimEvent> {
    let n = 0
    for (const t of arrivals('detection', rng, from, to)) {
      const camera = load().cameras.pick(rng)
      const leashy = camera.siteKind === 'park' || camera.siteKind === 'compound_gate' ? 0.75 : 0.35
      const kind = rng.next() < leashy ? 'dog_unleashed' : 'stray_dog'
      const w = round3(rng.range(0.08, 0.2))
      const h = round3(Math.min(0.5, w * rng.range(1.1, 1.6)))
      const bbox: Bbox = [round3(rng.range(0.02, 0.98 - w)), round3(rng.range(0.4, 0.98 - h)), w, h]
      const confidence = Math.round(rng.range(0.45, 0.99) * 100) / 100
      const at = new Date(t - Math.round(rng.range(0, 5_000))).toISOString()
      const detectionId = `${run}-d${++n}`
      yield {
        door: 'detection', occurredAt: at, dueAt: new Date(t).toISOString(), id: detectionId, step,
        message: { cameraId: camera.id, kind, confidence, at, bbox, detectionId, ...snapshotUrls({ cameraId: camera.id, detectionId, kind, at, bbox, confidence }) },
      }
    }
  }

  const sensorEvent = (id: string, t: number, message: SensorMessage): SimEvent =>
    ({ door: 'sensor', occurredAt: message.at, dueAt: new Date(t).toISOString(), id, step, message })

  function* fault(rng: Random, from: number, to: number): Generator<SimEvent> {
    let n = 0
    const codes = ['LOW_BATTERY', 'SIGNAL_LOSS', 'SENSOR_DIRTY', 'TAMPER']
    for (const t of arrivals('fault', rng, from, to)) {
      const sensor = rng.pick(load().sensors)
      const id = `${run}-f${++n}`
      yield sensorEvent(id, t, { sensorId: sensor.id, state: 'fault', at: new Date(t).toISOString(), messageId: id, faultCode: rng.pick(codes) })
    }
  }

  /** Alarms, each followed by its `normal`: a few minutes for cooking smoke, longer for the rare real one. */
  function* alarm(rng: Random, from: number, to: number): Generator<SimEvent> {
    let n = 0
    const clears: SimEvent[] = []
    for (const t of arrivals('alarm', rng, from, to)) {
      while (clears.length > 0 && clears[0]!.dueAt <= new Date(t).toISOString()) yield clears.shift()!
      const sensor = load().alarmSensors.pick(rng)
      const real = rng.next() < 0.08
      const id = `${run}-a${++n}`
      const value = sensor.type === 'smoke' ? round3(rng.range(real ? 8 : 2, real ? 20 : 6)) : sensor.type === 'heat' ? round3(rng.range(57, real ? 90 : 65)) : round3(rng.range(10, real ? 40 : 20))
      yield sensorEvent(id, t, { sensorId: sensor.id, state: 'alarm', at: new Date(t).toISOString(), messageId: id, level: real ? 2 : 1, value })
      const back = t + rng.range(real ? 15 : 2, real ? 40 : 8) * 60_000
      clears.push(sensorEvent(`${id}n`, back, { sensorId: sensor.id, state: 'normal', at: new Date(back).toISOString(), messageId: `${id}n` }))
      clears.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0))
    }
    yield* clears
  }

  /** Every chosen sensor beats once per interval, each at its own seeded phase. */
  function* heartbeats(rng: Random, from: number, to: number): Generator<SimEvent> {
    const share = Math.min(1, o.heartbeats ?? 0)
    if (!(share > 0)) return
    const interval = (o.heartbeatIntervalS ?? 60) * 1000
    const chosen = load().sensors.filter(() => rng.next() < share)
      .map((s) => ({ s, phase: rng.next() * interval }))
      .sort((a, b) => a.phase - b.phase)
    if (chosen.length === 0) return
    for (let k = 0; ; k++) {
      const base = from + k * interval
      if (base >= to) return
      for (const { s, phase } of chosen) {
        const t = base + phase
        if (t >= to) return
        const at = new Date(t).toISOString()
        yield { door: 'sensor', occurredAt: at, dueAt: at, id: `${run}-h${k}-${s.id.slice(4)}`, step, message: { sensorId: s.id, state: 'heartbeat', at } }
      }
    }
  }

  return {
    *events(fromDate, toDate) {
      const from = fromDate.getTime()
      const to = toDate.getTime()
      // One fork per stream and window start: adding a stream never shifts another's sequence.
      const fork = (name: string) => root.fork(`${name}:${o.runId}:${from}`)
      const streams = [
        hotline(fork('hotline'), from, to), patrol(fork('patrol'), from, to), detection(fork('detection'), from, to),
        fault(fork('fault'), from, to), alarm(fork('alarm'), from, to), heartbeats(fork('heartbeat'), from, to),
      ]
      yield* mergeByDue(streams)
    },
  }
}
