/**
 * The scenario file format. A scenario is a plain TypeScript object: where it happens (`focus`, picked
 * from the seeded district), how long it lasts, and its steps, each at a moment or in a window of
 * simulated minutes from the start. A step names its source, how many events it makes and where they
 * come from; the engine (`expand-scenario.ts`) turns it into the producers' messages. Every scenario
 * documents its expected effect, and `test/integration/scenarios.test.ts` checks it.
 */
import type { SensorType } from '../domain/sensors.ts'
import type { Severity } from '../domain/event.ts'

/** Simulated minutes from the start: a moment, or a window `[from, to]` the step's events spread over. */
export type When = number | readonly [from: number, to: number]
/** An exact number of events, or a range drawn from the seed. */
export type Count = number | readonly [min: number, max: number]

/**
 * Where a scenario happens, chosen from the seed (the same seed, the same place):
 * - `building`: one residential building unit (楼栋) in an old compound, with smoke detectors on
 *   different floors and an electrical-fire detector; its compound and street come with it.
 * - `lowlying`: a street and `grids` of its grids taken as low-lying (易涝) points.
 * - `compounds`: `count` residential compounds of one community (the biggest first).
 * - `park`: a park with cameras, and the compounds of its community around it.
 */
export type Focus =
  | { kind: 'building' }
  | { kind: 'lowlying'; grids: number }
  | { kind: 'compounds'; count: number }
  | { kind: 'park' }

/** Where a step's events are placed, relative to the focus. */
export type Place =
  | 'building' // the focus building
  | 'compound' // the focus building's compound, or each of the focus compounds in turn
  | 'grids' // the low-lying grids
  | 'street' // anywhere in the focus street
  | 'park' // the focus park
  | 'around-park' // the compounds of the park's community

interface StepBase {
  /** Short and unique within the scenario: it names the events' ids. */
  name: string
  at: When
  /** Events in the step; one when absent. */
  count?: Count
}

/** Sensor-platform messages from the focus building's registered sensors. */
export interface SensorStep extends StepBase {
  source: 'sensor'
  sensorType: SensorType
  /** Which of the building's sensors of the type: the lowest floor, the highest, or all in floor order. */
  sensors: 'lowest' | 'highest' | 'floor-up'
  state: 'alarm' | 'normal' | 'fault'
  /** 报警等级 1–3 (3 makes the event `extreme`); a range rises from the first to the last event. */
  level?: Count
  /** The reading, rising across the step (smoke %/m, °C, %LEL, mA). */
  value?: readonly [from: number, to: number]
}

/** 12345 calls through Open311. */
export interface HotlineStep extends StepBase {
  source: 'hotline'
  place: Place
  /** Service codes with weights, and what callers say (`{compound}`, `{building}`, `{street}`, `{park}` are filled in). */
  calls: readonly { service: string; weight?: number; texts: readonly string[]; answers?: Readonly<Record<string, string | number | readonly string[]>> }[]
}

/** Grid workers' reports (网格员上报) through `POST /api/v1/incidents`. */
export interface IncidentStep extends StepBase {
  source: 'incident'
  place: Place
  category: 'fire_hazard' | 'public_order' | 'environment' | 'facility_damage' | 'dispute'
  severity?: Severity
  texts: readonly string[]
}

/** Camera-platform detections at the focus park's cameras. */
export interface DetectionStep extends StepBase {
  source: 'detection'
  kind: 'dog_unleashed' | 'stray_dog'
  confidence: readonly [min: number, max: number]
}

/** The weather bureau's CAP warning over the focus street. */
export interface CapStep extends StepBase {
  source: 'cap'
  warning: 'rainstorm'
  level: 'blue' | 'yellow' | 'orange' | 'red'
}

/** The ordinary day underneath (scaled by `--rate-multiplier`). */
export interface BackgroundStep extends StepBase {
  source: 'normal-day'
  /**
   * `flat` (the default): `perMinute` events of the even `normal-day` mix, at any hour.
   * `calibrated`: the district's day by the hour (generators/district-day.ts): hotline, patrols,
   * detections, sensor faults and self-clearing alarms, each with its own profile on the simulated
   * Shanghai clock.
   */
  profile?: 'flat' | 'calibrated'
  /**
   * Events per simulated minute. Flat: the rate (40 when absent). Calibrated: the day's shape scaled
   * so that it averages this; absent, the real district (about 1.2 a minute).
   */
  perMinute?: number
  /** Calibrated only: the share of the installed sensors that send heartbeats (0–1; 0 when absent). */
  heartbeats?: number
  /** Calibrated only: the share of each source spread evenly over the day, so a demo wall never sleeps (0–1). */
  floor?: number
}

export type Step = SensorStep | HotlineStep | IncidentStep | DetectionStep | CapStep | BackgroundStep

export interface Scenario {
  name: string
  /** Chinese first, English beside it. */
  title: string
  /** What happens, in a sentence or two. */
  summary: string
  /** What a Gridwatch server shows afterwards; the scenarios test checks these. */
  expectedEffect: readonly string[]
  /** The simulated time of day and season it is written for (documentation; the clock starts when asked). */
  setting?: string
  focus?: Focus
  /** Simulated minutes; `Infinity` for an open-ended mix (normal-day). */
  durationMin: number
  steps: readonly Step[]
}

/** Identity, for type checking scenario files. */
export const defineScenario = (s: Scenario): Scenario => s
