/**
 * The engine's pure half: a scenario, a seed and a start time become the exact sequence of producer
 * messages (`SimEvent`s), in the order of their simulated send times. No server, no clock, no I/O, so
 * the same inputs always give the same sequence (expand-scenario.test.ts checks this).
 */
import type { Feature, Polygon } from 'geojson'
import type { Bbox } from '../domain/detection-frame.ts'
import { createRandom, type Random } from '../geo/index.ts'
import { labelPoint } from '../geo/label-point.ts'
import { snapshotUrls } from '../server/cameras/snapshot-url.ts'
import { rainstormWarning } from './generators/cap-warning.ts'
import { CALIBRATED_PER_MINUTE, createDistrictDay } from './generators/district-day.ts'
import { createNormalDay } from './generators/normal-day.ts'
import { callerPhone, hotlineForm } from './hotline-form.ts'
import { itemToDoor } from './item-to-door.ts'
import type { Count, Scenario, Step, When } from './scenario.ts'
import type { SimEvent } from './sim-event.ts'
import { pointAt, resolveFocus, type ResolvedFocus, type SimWorld } from './sim-world.ts'
import { mergeByDue } from './merge-by-due.ts'

export interface ExpandOptions {
  scenario: Scenario
  world: SimWorld
  /** Simulated start (t+0). */
  start: Date
  /** Makes ids unique per run; the same runId replays idempotently (the server keeps one copy). */
  runId: string
  /** Scales the number of calls, reports and detections and the background rate (not devices or warnings). */
  rateMultiplier?: number
}

export interface ExpandedScenario {
  focus: ResolvedFocus
  /** Events of the scripted steps (the background mix excluded), known up front. */
  scripted: number
  /** Every event in send order; endless when the scenario has an open-ended background. */
  events(): Generator<SimEvent>
}

const MINUTE = 60_000

const draw = (rng: Random, c: Count | undefined): number => (c === undefined ? 1 : typeof c === 'number' ? c : rng.int(c[0], c[1]))
const windowOf = (w: When): [number, number] => (typeof w === 'number' ? [w, w] : [w[0], w[1]])
const lerp = (a: number, b: number, k: number, n: number) => (n <= 1 ? a : a + ((b - a) * k) / (n - 1))

/** `n` sorted times in the window, in ms from the start; a moment gets its events 1 ms apart, in order. */
function timesIn(rng: Random, at: When, n: number): number[] {
  const [from, to] = windowOf(at)
  if (to <= from) return Array.from({ length: n }, (_, k) => from * MINUTE + k)
  return Array.from({ length: n }, () => Math.round(rng.range(from, to) * MINUTE)).sort((a, b) => a - b)
}

function fill(text: string, f: ResolvedFocus, placeName: string): string {
  return text
    .replaceAll('{compound}', f.compounds[0]?.properties.name ?? placeName)
    .replaceAll('{building}', f.building?.properties.name ?? '')
    .replaceAll('{street}', f.street.name)
    .replaceAll('{park}', f.park?.properties.name ?? placeName)
    .replaceAll('{place}', placeName)
}

const km = (a: readonly number[], b: readonly number[]) => {
  const rad = Math.PI / 180
  const dLat = ((b[1]! - a[1]!) * rad) / 2
  const dLng = ((b[0]! - a[0]!) * rad) / 2
  const h = Math.sin(dLat) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLng) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

/** A circle over the focus: the low-lying grids (every corner inside), or the street. */
function warningCircle(f: ResolvedFocus): { centre: [number, number]; radiusKm: number } {
  const areas = f.grids.length > 0 ? f.grids : [f.street.feature]
  const points = areas.map((a) => labelPoint(a.geometry)).filter((p): p is [number, number] => p !== null)
  const centre: [number, number] = [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length]
  let far = 0
  for (const a of areas) {
    const rings = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates
    for (const poly of rings) for (const p of poly[0] ?? []) far = Math.max(far, km(centre, p))
  }
  return { centre: [Math.round(centre[0] * 1e5) / 1e5, Math.round(centre[1] * 1e5) / 1e5], radiusKm: Math.ceil((far + 0.3) * 10) / 10 }
}

/** The events of one scripted step. */
function stepEvents(step: Exclude<Step, { source: 'normal-day' }>, rng: Random, o: ExpandOptions, f: ResolvedFocus): SimEvent[] {
  const k = o.rateMultiplier ?? 1
  const scaled = (n: number) => Math.max(1, Math.round(n * k))
  const t0 = o.start.getTime()
  const id = (i: number) => `${o.runId}-${step.name}-${i}`
  const at = (ms: number) => new Date(t0 + ms).toISOString()

  switch (step.source) {
    case 'sensor': {
      const all = f.buildingSensors?.[step.sensorType] ?? []
      if (all.length === 0) throw new Error(`step ${step.name}: the focus has no ${step.sensorType} sensor`)
      const list = step.sensors === 'lowest' ? [all[0]!] : step.sensors === 'highest' ? [all.at(-1)!] : all
      const n = step.count === undefined ? list.length : draw(rng, step.count)
      const [lo, hi] = step.level === undefined ? [undefined, undefined] : typeof step.level === 'number' ? [step.level, step.level] : step.level
      return timesIn(rng, step.at, n).map((ms, i) => {
        const sensor = list[i % list.length]!
        const level = lo === undefined || hi === undefined ? undefined : Math.round(lerp(lo, hi, i, n))
        const value = step.value ? Math.round(lerp(step.value[0], step.value[1], i, n) * 100) / 100 : undefined
        return {
          door: 'sensor', occurredAt: at(ms), dueAt: at(ms), id: id(i), step: step.name,
          message: {
            sensorId: sensor.id, state: step.state, at: at(ms), messageId: id(i),
            ...(level !== undefined && step.state === 'alarm' ? { level } : {}),
            ...(value !== undefined ? { value } : {}),
            ...(step.state === 'fault' ? { faultCode: 'E01' } : {}),
          },
        }
      })
    }
    case 'hotline': {
      const n = scaled(draw(rng, step.count))
      return timesIn(rng, step.at, n).map((ms, i) => {
        const call = rng.weighted(step.calls.map((c) => ({ value: c, weight: c.weight ?? 1 })))
        const p = pointAt(f, step.place, rng)
        const form = hotlineForm({
          serviceCode: call.service, lng: p.lng, lat: p.lat, description: fill(rng.pick(call.texts), f, p.name),
          at: at(ms), placeName: p.name, phone: callerPhone(rng),
          ...(call.answers ? { answers: Object.fromEntries(Object.entries(call.answers).map(([c, v]) => [c, typeof v === 'string' ? fill(v, f, p.name) : v])) } : {}),
        }, rng)
        return { door: 'hotline', occurredAt: at(ms), dueAt: at(ms), id: id(i), step: step.name, form }
      })
    }
    case 'incident': {
      const n = scaled(draw(rng, step.count))
      return timesIn(rng, step.at, n).map((ms, i) => {
        const p = pointAt(f, step.place, rng)
        const text = fill(rng.pick(step.texts), f, p.name)
        return {
          door: 'incident', occurredAt: at(ms), dueAt: at(ms), id: id(i), step: step.name,
          report: {
            reportId: id(i), category: step.category, ...(step.severity ? { severity: step.severity } : {}),
            title: text.slice(0, 40), description: text, location: { lng: p.lng, lat: p.lat },
            workerId: `W${f.street.id.slice(-3)}${String(rng.int(1, 700)).padStart(4, '0')}`, occurredAt: at(ms),
          },
        }
      })
    }
    case 'detection': {
      if (f.parkCameras.length === 0) throw new Error(`step ${step.name}: the focus has no park cameras`)
      const n = scaled(draw(rng, step.count))
      return timesIn(rng, step.at, n).map((ms, i) => {
        const camera = rng.pick(f.parkCameras)
        const w = Math.round(rng.range(0.08, 0.2) * 1000) / 1000
        const h = Math.round(Math.min(0.5, w * rng.range(1.1, 1.6)) * 1000) / 1000
        const bbox: Bbox = [Math.round(rng.range(0.02, 0.98 - w) * 1000) / 1000, Math.round(rng.range(0.4, 0.98 - h) * 1000) / 1000, w, h]
        const confidence = Math.round(rng.range(step.confidence[0], step.confidence[1]) * 100) / 100
        return {
          door: 'detection', occurredAt: at(ms), dueAt: at(ms), id: id(i), step: step.name,
          message: {
            cameraId: camera.id, kind: step.kind, confidence, at: at(ms), bbox, detectionId: id(i),
            ...snapshotUrls({ cameraId: camera.id, detectionId: id(i), kind: step.kind, at: at(ms), bbox, confidence }),
          },
        }
      })
    }
    case 'cap': {
      const [ms] = timesIn(rng, step.at, 1) as [number]
      const xml = rainstormWarning({
        district: o.world.district, seed: o.world.seed, runId: `${o.runId}-${step.name}`, now: new Date(t0 + ms),
        street: f.street.feature as Feature<Polygon> as never, level: step.level, ...warningCircle(f),
      })
      return [{ door: 'cap', occurredAt: at(ms), dueAt: at(ms), id: `CN-SC-CD-RAIN-${o.runId}-${step.name}`, step: step.name, xml }]
    }
  }
}

/** The latest instant a Date can hold: an open-ended window's end. */
const END_OF_TIME = 8.64e15

/** The `normal-day` mix in the step's window: flat Poisson arrivals at `perMinute`, or the calibrated day. */
function* background(step: Extract<Step, { source: 'normal-day' }>, o: ExpandOptions): Generator<SimEvent> {
  const [from, to] = windowOf(step.at)
  const end = Math.min(to, o.scenario.durationMin)
  if (step.profile === 'calibrated') {
    const scale = (step.perMinute === undefined ? 1 : step.perMinute / CALIBRATED_PER_MINUTE) * (o.rateMultiplier ?? 1)
    const day = createDistrictDay({
      world: o.world, runId: `${o.runId}-${step.name}`, scale, step: step.name,
      ...(step.floor !== undefined ? { floor: step.floor } : {}), ...(step.heartbeats !== undefined ? { heartbeats: step.heartbeats } : {}),
    })
    const t0 = o.start.getTime()
    yield* day.events(new Date(t0 + from * MINUTE), new Date(Math.min(END_OF_TIME, t0 + end * MINUTE)))
    return
  }
  const gen = createNormalDay({ seed: o.world.seed, district: o.world.district, runId: `${o.runId}-${step.name}` })
  const arrivals = createRandom(o.world.seed).fork(`arrivals-${o.runId}-${step.name}`)
  const meanGapMs = MINUTE / ((step.perMinute ?? 40) * (o.rateMultiplier ?? 1))
  let ms = from * MINUTE
  for (;;) {
    ms += -Math.log(1 - arrivals.next()) * meanGapMs
    if (ms > end * MINUTE) return
    const due = new Date(o.start.getTime() + Math.round(ms))
    yield itemToDoor(gen.next(due), step.name, due)
  }
}

/**
 * @example
 * const run = expandScenario({ scenario: highriseFire, world, start: new Date(), runId: 'drill1' })
 * [...run.events()].map((e) => e.door) // ['sensor', 'sensor', 'sensor', 'hotline', 'incident', …]
 */
export function expandScenario(o: ExpandOptions): ExpandedScenario {
  const rng = createRandom(o.world.seed).fork(`scenario:${o.scenario.name}`)
  const focus = resolveFocus(o.world, o.scenario.focus, rng.fork('focus'))
  const scripted: SimEvent[] = []
  for (const step of o.scenario.steps) {
    if (step.source === 'normal-day') continue
    scripted.push(...stepEvents(step, rng.fork(`step:${step.name}`), o, focus))
  }
  // Stable: events due at the same moment keep the scenario's step order (cause before effect).
  scripted.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0))
  const backgrounds = o.scenario.steps.filter((s): s is Extract<Step, { source: 'normal-day' }> => s.source === 'normal-day')

  return {
    focus,
    scripted: scripted.length,
    *events() {
      const streams = [scripted[Symbol.iterator](), ...backgrounds.map((b) => background(b, o))]
      yield* mergeByDue(streams)
    },
  }
}
