/**
 * IoT sensors (物联感知, DESIGN §2.2 and §4): the sensor registry, the message a sensor platform posts
 * to `POST /api/v1/sensors/events` (or publishes over MQTT), and the alarms their lifecycle keeps.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LngLat, Path, Timestamp } from './event.ts'
import { TAXONOMY } from './taxonomy.ts'

export const SENSOR_TYPES = ['smoke', 'heat', 'gas', 'electrical'] as const satisfies readonly (typeof TAXONOMY.sensor)[number]['code'][]
export const SensorType = Type.Union(SENSOR_TYPES.map((t) => Type.Literal(t)))
export type SensorType = (typeof SENSOR_TYPES)[number]

/** A producer's or registry id: letters, digits and `-_.:`, as device platforms name them. */
export const SENSOR_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$'
export const SensorId = Type.String({ pattern: SENSOR_ID_PATTERN, examples: ['SM-510108001-00042'] })

export const SensorEntry = Type.Object({
  id: SensorId,
  type: SensorType,
  /** What an operator calls it: `建设路42号院落 3栋 楼道烟感`. */
  name: Type.String(),
  location: LngLat,
  path: Path,
  /** The building unit (楼栋) it is fitted in, when it is in one. */
  buildingId: Type.Optional(Type.String()),
  /** The compound or dedicated grid it belongs to. */
  siteId: Type.Optional(Type.String()),
  installedAt: Type.String({ format: 'date-time' }),
})
export type SensorEntry = Static<typeof SensorEntry>

/** `GET /api/v1/sensors/:id`: the entry with its liveness. */
export const SensorView = Type.Intersect([
  SensorEntry,
  Type.Object({
    /** When anything was last heard from it (a heartbeat or a message); null if never. */
    lastSeenAt: Type.Union([Type.String(), Type.Null()]),
    /** Heard from and not past its missed-heartbeat limit. A sensor never heard from is not online. */
    online: Type.Boolean(),
  }),
])
export type SensorView = Static<typeof SensorView>

const LocationIn = Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false })

/** `POST /api/v1/sensors`: a new entry; without `location`, the building's centre is used. */
export const SensorCreate = Type.Object(
  {
    /** Assigned (`SM-<street>-<n>` …) when absent. */
    id: Type.Optional(SensorId),
    type: SensorType,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    location: Type.Optional(LocationIn),
    buildingId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    siteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    installedAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
)
export type SensorCreate = Static<typeof SensorCreate>

/** `PATCH /api/v1/sensors/:id`: what may change; `null` removes the building or site. */
export const SensorPatch = Type.Object(
  {
    type: Type.Optional(SensorType),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    location: Type.Optional(LocationIn),
    buildingId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    siteId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type SensorPatch = Static<typeof SensorPatch>

/** What a sensor sends. `heartbeat` only says it is alive; the others become events. */
export const SENSOR_MESSAGE_STATES = ['alarm', 'normal', 'fault', 'heartbeat'] as const
export type SensorMessageState = (typeof SENSOR_MESSAGE_STATES)[number]

export const SensorMessage = Type.Object(
  {
    sensorId: SensorId,
    state: Type.Union(SENSOR_MESSAGE_STATES.map((s) => Type.Literal(s))),
    at: Timestamp,
    /** The platform's own id for this message: the idempotency key (the event's `sourceId`). */
    messageId: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
    /** The reading: smoke obscuration %/m, °C, %LEL, leakage mA… */
    value: Type.Optional(Type.Number()),
    /** Alarm level (报警等级) 1–3; 3 raises the event to `extreme`. */
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
    faultCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
)
export type SensorMessage = Static<typeof SensorMessage>

export const ALARM_STATUSES = ['active', 'acknowledged', 'cleared'] as const
export const AlarmStatus = Type.Union(ALARM_STATUSES.map((s) => Type.Literal(s)))
export type AlarmStatus = (typeof ALARM_STATUSES)[number]

const When = Type.Union([Type.String(), Type.Null()])

/** A sensor alarm: one open (not cleared) per sensor and type, which repeats update. */
export const Alarm = Type.Object({
  id: Type.String(),
  sensorId: Type.String(),
  type: SensorType,
  status: AlarmStatus,
  /** The sensor's street when it was raised (scope). */
  street: Type.Union([Type.String(), Type.Null()]),
  location: LngLat,
  buildingId: Type.Union([Type.String(), Type.Null()]),
  siteId: Type.Union([Type.String(), Type.Null()]),
  /** The event that raised it, and the newest one that repeated it. */
  eventId: Type.String(),
  lastEventId: Type.String(),
  raisedAt: Type.String(),
  lastAt: Type.String(),
  /** Alarm messages received while it was open, the first included. */
  count: Type.Integer({ minimum: 1 }),
  /** When the sensor last reported `normal` while it was open; null while it is alarming. */
  normalAt: When,
  acknowledgedBy: When,
  acknowledgedAt: When,
  clearedBy: When,
  clearedAt: When,
})
export type Alarm = Static<typeof Alarm>
