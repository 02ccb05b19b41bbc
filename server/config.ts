/**
 * Configuration from the environment, checked against a schema at boot (DESIGN §4). A bad value
 * stops the start with a message naming the variable; nothing else reads `process.env`.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { FRAME_INTERVAL_MS } from '../domain/socket.ts'
import { checkPmtilesFile, PmtilesFileError } from './basemap/check-pmtiles-file.ts'
import type { RiskThresholds } from '../domain/risk.ts'

const OnOff = Type.Union([Type.Literal('on'), Type.Literal('off')])

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  /** `production` is the default when nothing says otherwise: it creates no demo users or keys. */
  GRIDWATCH_MODE: Type.Union([Type.Literal('demo'), Type.Literal('production')], { default: 'production' }),
  SIMULATION: Type.Union([OnOff], { default: 'on' }),
  /** Demo simulation intensity: events per minute of real time. */
  SIMULATION_RATE: Type.Number({ exclusiveMinimum: 0, maximum: 600_000, default: 40 }),
  GRIDWATCH_SEED: Type.String({ minLength: 1, default: 'chenghua-510108' }),
  /** Demo drills played over the normal day, in turn (comma-separated scenario names); `off` for none. */
  SIMULATION_DRILLS: Type.String({ pattern: '^(off|[a-z-]+(,[a-z-]+)*)$', default: 'highrise-fire,rainstorm,dog-complaints,hotline-surge' }),
  /** Minutes of real time between two drills. */
  SIMULATION_DRILL_EVERY_MIN: Type.Number({ exclusiveMinimum: 0, maximum: 1440, default: 20 }),
  /**
   * Demo crews: the street command posts and their units work the open cases through the API (dispatch,
   * move, resolve, return visit), so an unattended wall shows the dispatch loop. Off: cases wait for people.
   */
  SIMULATION_CREWS: Type.Union([OnOff], { default: 'on' }),
  /** An imported hierarchy (`npm run geo:import`); unset, `DATA_DIR/hierarchy.json` is used if it exists. */
  HIERARCHY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  MQTT_URL: Type.Optional(Type.String({ pattern: '^(mqtts?|wss?|tcp)://' })),
  /** Sensors beat this often (seconds); one silent for SENSOR_OFFLINE_AFTER_BEATS beats is offline. */
  SENSOR_HEARTBEAT_INTERVAL_S: Type.Number({ exclusiveMinimum: 0, maximum: 86_400, default: 60 }),
  SENSOR_OFFLINE_AFTER_BEATS: Type.Integer({ minimum: 1, maximum: 1000, default: 3 }),
  /** A local PMTiles v3 vector archive served to the wall as its offline basemap. */
  BASEMAP_PMTILES: Type.Optional(Type.String({ minLength: 1 })),
  /** Signing key for user tokens; without it a random one is created once and kept in DATA_DIR. */
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  TOKEN_TTL: Type.String({ pattern: '^\\d+\\s*[smhd]$', default: '12h' }),
  /** Wall displays run unattended for weeks, so their tokens live longer. */
  WALL_TOKEN_TTL: Type.String({ pattern: '^\\d+\\s*[smhd]$', default: '30d' }),
  USERS_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** The district's own roster (server/units/units-file.ts); without it demo mode generates one and production has none. */
  UNITS_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** The district's own AI cameras (server/cameras/cameras-file.ts); without it demo mode generates them and production has none. */
  CAMERAS_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** Comma-separated `name:key` pairs (or bare keys). */
  PRODUCER_KEYS: Type.Optional(Type.String({ minLength: 1 })),
  BODY_LIMIT: Type.Integer({ minimum: 1024, default: 16 * 1024 * 1024 }),
  RATE_LIMIT_INGEST: Type.Integer({ minimum: 1, default: 600_000, description: 'requests per minute per producer key' }),
  RATE_LIMIT_READ: Type.Integer({ minimum: 1, default: 1200, description: 'requests per minute per client' }),
  RATE_LIMIT_LOGIN: Type.Integer({ minimum: 1, default: 30, description: 'login attempts per minute per address' }),
  /** Realtime frames per room are coalesced to at most one per this interval (DESIGN §4: 4 a second). */
  FRAME_INTERVAL_MS: Type.Integer({ minimum: 10, maximum: 5000, default: FRAME_INTERVAL_MS }),
  /** On shutdown, connections still open after this long are cut. */
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 3000 }),
  /** AI camera detections below this confidence are stored but raise no alert (and count towards no hotspot). */
  DETECTION_ALERT_CONFIDENCE: Type.Number({ minimum: 0, maximum: 1, default: 0.6 }),
  /** Detection hotspots: alerting detections of one kind at one camera within this many minutes… */
  HOTSPOT_WINDOW_MIN: Type.Number({ exclusiveMinimum: 0, maximum: 10_080, default: 30 }),
  /** …at least this many of them, form a hotspot. */
  HOTSPOT_MIN_DETECTIONS: Type.Integer({ minimum: 1, maximum: 1000, default: 3 }),
  /** Automatic hotspots (高频事件): people's reports of the last this many hours are looked at… */
  HOTSPOT_AUTO_WINDOW_H: Type.Number({ exclusiveMinimum: 0, maximum: 720, default: 24 }),
  /** …at least this many of one category (in a community well above its baseline, or within 150 m of one another) make one… */
  HOTSPOT_AUTO_MIN_REPORTS: Type.Integer({ minimum: 2, maximum: 1000, default: 5 }),
  /** …looked for this often (seconds). */
  HOTSPOT_AUTO_INTERVAL_S: Type.Number({ exclusiveMinimum: 0, maximum: 3600, default: 30 }),
  /** Cases (工单): an event joins an open case whose latest event is at most this many minutes away… */
  CASE_CORRELATION_WINDOW_MIN: Type.Number({ exclusiveMinimum: 0, maximum: 10_080, default: 15 }),
  /** …in the same building or micro-grid, or within this many metres (same block), with a compatible category. */
  CASE_CORRELATION_RADIUS_M: Type.Number({ exclusiveMinimum: 0, maximum: 5000, default: 150 }),
  /** How often overdue cases are looked for and moved up one tier (seconds); 0 turns the sweep off. */
  CASE_ESCALATION_SWEEP_S: Type.Number({ minimum: 0, maximum: 3600, default: 30 }),
  /** A JSON file replacing any of the case rules (open rules, correlation families, tiers, departments, SLAs); see server/cases/case-rules-file.ts. */
  CASE_RULES_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** KPIs (接诉即办考核) are recomputed and streamed as `kpi` frames at most this often (seconds) while cases change. */
  KPI_STREAM_S: Type.Number({ exclusiveMinimum: 0, maximum: 3600, default: 5 }),
  /** A unit whose job ended stays `cleared` this many minutes (back to base, writing up) before it is `available`; it may be dispatched meanwhile. */
  UNIT_CLEARED_FOR_MIN: Type.Number({ minimum: 0, maximum: 1440, default: 5 }),
  /** Risk by grid (domain/risk.ts): an event's weight halves every this many hours. */
  RISK_HALF_LIFE_H: Type.Number({ exclusiveMinimum: 0, maximum: 720, default: 6 }),
  /** Scores are worked out again, and changes streamed as `risk` frames, this often (seconds). */
  RISK_INTERVAL_S: Type.Number({ exclusiveMinimum: 0, maximum: 3600, default: 10 }),
  /** The lowest score (0–100) of blue, yellow, orange and red (五色), ascending, e.g. `20,40,60,80`. */
  RISK_THRESHOLDS: Type.String({ pattern: '^\\d+(\\.\\d+)?(,\\d+(\\.\\d+)?){3}$', default: '20,40,60,80' }),
  /** A grid warned of is not warned of again at the same level within this many hours. */
  RISK_WARNING_COOLDOWN_H: Type.Number({ minimum: 0, maximum: 720, default: 6 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
})
export type Config = Static<typeof ConfigSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Features named by DESIGN §4 whose variables exist but whose code has not been built yet. */
const NOT_YET_BUILT: Array<[keyof Config, string]> = [
  ['DATABASE_URL', 'the PostgreSQL store'],
  ['REDIS_URL', 'the Redis fan-out'],
]

/**
 * @example
 * loadConfig({ PORT: '8080', GRIDWATCH_MODE: 'demo' }) // { PORT: 8080, HOST: '127.0.0.1', … }
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const known = Object.keys(ConfigSchema.properties)
  const picked = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''),
  )
  const value = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, picked))
  const errors = [...Value.Errors(ConfigSchema, value)]
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path.slice(1) || '(root)'}=${JSON.stringify(picked[e.path.slice(1)])}: ${e.message}`)
    throw new ConfigError(`invalid configuration:\n${[...new Set(lines)].join('\n')}`)
  }
  const config = value as Config
  if (config.GRIDWATCH_MODE === 'production' && (!config.USERS_FILE || !config.PRODUCER_KEYS)) {
    throw new ConfigError('GRIDWATCH_MODE=production needs USERS_FILE and PRODUCER_KEYS (see README, "Production")')
  }
  for (const [key, what] of NOT_YET_BUILT) {
    if (config[key] !== undefined) throw new ConfigError(`${key} is set, but ${what} is not built yet in this version; unset it`)
  }
  if (config.BASEMAP_PMTILES !== undefined) checkBasemap(config.BASEMAP_PMTILES)
  riskThresholds(config)
  return config
}

/** A set basemap must be usable now: the wall would otherwise fail later, quietly, on every screen. */
function checkBasemap(path: string): void {
  try {
    checkPmtilesFile(path)
  } catch (err) {
    if (err instanceof PmtilesFileError) throw new ConfigError(`BASEMAP_PMTILES=${JSON.stringify(path)}: the file ${err.message}`)
    throw err
  }
}

/** `RISK_THRESHOLDS` as the four levels' lowest scores; a bad value stops the start. */
export function riskThresholds(config: Pick<Config, 'RISK_THRESHOLDS'>): RiskThresholds {
  const [blue, yellow, orange, red] = config.RISK_THRESHOLDS.split(',').map(Number) as [number, number, number, number]
  if (!(blue > 0 && blue < yellow && yellow < orange && orange < red && red <= 100)) {
    throw new ConfigError(`RISK_THRESHOLDS=${JSON.stringify(config.RISK_THRESHOLDS)}: four scores rising strictly, above 0 and at most 100 (blue, yellow, orange, red)`)
  }
  return { blue, yellow, orange, red }
}
