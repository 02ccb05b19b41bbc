/**
 * The canonical event: what producers send (ingest items) and what the store keeps (stored events).
 * DESIGN §2.2 and §4 are the source of truth for these names.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { TAXONOMY, type IngestSourceName } from './taxonomy.ts'
import { Bbox, MediaUrl } from './detection-frame.ts'

export const SEVERITIES = ['minor', 'moderate', 'severe', 'extreme'] as const
export const Severity = Type.Union(SEVERITIES.map((s) => Type.Literal(s)))
export type Severity = (typeof SEVERITIES)[number]

export const SOURCES = ['incident', 'sensor', 'detection', 'hotline', 'cap'] as const
export const Source = Type.Union(SOURCES.map((s) => Type.Literal(s)))
export type Source = (typeof SOURCES)[number]

/** Sources that come in through `POST /api/v1/events`; CAP has its own XML intake. */
export const INGEST_SOURCES = ['incident', 'sensor', 'detection', 'hotline'] as const satisfies readonly IngestSourceName[]

export const Crs = Type.Union([Type.Literal('WGS84'), Type.Literal('GCJ02'), Type.Literal('BD09')])
export type Crs = Static<typeof Crs>

// JSON cannot carry NaN, and 1e999 parses to Infinity, which the range check refuses.
const Lng = Type.Number({ minimum: -180, maximum: 180 })
const Lat = Type.Number({ minimum: -90, maximum: 90 })

export const IngestLocation = Type.Object(
  { lng: Lng, lat: Lat, crs: Type.Optional(Crs) },
  { additionalProperties: false },
)

export const LngLat = Type.Object({ lng: Lng, lat: Lat })
export type LngLat = Static<typeof LngLat>

/** ISO-8601 date-time with an explicit offset (`Z` or `±hh:mm`). */
export const Timestamp = Type.String({
  format: 'date-time',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
})

export function categoryOf<S extends IngestSourceName>(source: S) {
  return Type.Union(TAXONOMY[source].map((c) => Type.Literal(c.code as string)))
}

export const common = {
  sourceId: Type.String({ minLength: 1, maxLength: 128 }),
  severity: Type.Optional(Severity),
  occurredAt: Timestamp,
  location: IngestLocation,
  title: Type.Optional(Type.String({ maxLength: 200 })),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
}

const OpenAttrs = (props: Record<string, TSchema>) => Type.Object(props, { additionalProperties: true })

/** Photos a grid worker may attach to one report. */
export const MAX_PHOTOS = 9

/** What sensors send, and what the server derives from their silence (`offline`, then `online` when heard again). */
export const SENSOR_STATES = ['alarm', 'normal', 'fault', 'heartbeat', 'offline', 'online'] as const

export const IngestItemBySource = {
  incident: Type.Object(
    {
      source: Type.Literal('incident'),
      category: categoryOf('incident'),
      ...common,
      attrs: Type.Optional(
        OpenAttrs({
          workerId: Type.Optional(Type.String({ maxLength: 64 })),
          // Shown in the wall's drawer as images: only http(s) or same-server paths (MediaUrl).
          photos: Type.Optional(Type.Array(MediaUrl, { maxItems: MAX_PHOTOS })),
        }),
      ),
    },
    { additionalProperties: false },
  ),
  sensor: Type.Object(
    {
      source: Type.Literal('sensor'),
      category: categoryOf('sensor'),
      ...common,
      attrs: OpenAttrs({
        sensorId: Type.String({ minLength: 1, maxLength: 64 }),
        state: Type.Union(SENSOR_STATES.map((s) => Type.Literal(s))),
      }),
    },
    { additionalProperties: false },
  ),
  detection: Type.Object(
    {
      source: Type.Literal('detection'),
      category: categoryOf('detection'),
      ...common,
      attrs: OpenAttrs({
        cameraId: Type.String({ minLength: 1, maxLength: 64 }),
        confidence: Type.Number({ minimum: 0, maximum: 1 }),
        // Optional here (DESIGN §4 names only the two above); `POST /api/v1/detections` requires the box.
        bbox: Type.Optional(Bbox),
        snapshotUrl: Type.Optional(MediaUrl),
        clipUrl: Type.Optional(MediaUrl),
      }),
    },
    { additionalProperties: false },
  ),
  hotline: Type.Object(
    {
      source: Type.Literal('hotline'),
      category: categoryOf('hotline'),
      ...common,
      attrs: Type.Optional(OpenAttrs({})),
    },
    { additionalProperties: false },
  ),
  // Built only by `POST /api/v1/cap` from a checked CAP 1.2 message (server/cap/cap-to-item.ts);
  // `POST /api/v1/events` refuses this source (INGEST_SOURCES).
  cap: Type.Object(
    {
      source: Type.Literal('cap'),
      category: categoryOf('cap'),
      ...common,
      // `sender|identifier|sent`: CAP sets no length limit on either part.
      sourceId: Type.String({ minLength: 1, maxLength: 2048 }),
      attrs: OpenAttrs({
        identifier: Type.String(),
        sender: Type.String(),
        sent: Type.String(),
        msgType: Type.String(),
        status: Type.String(),
        scope: Type.String(),
      }),
    },
    { additionalProperties: false },
  ),
} as const

/** Every item the pipeline stores, `cap` included. */
export const IngestItem = Type.Union(Object.values(IngestItemBySource))
export type IngestItem = Static<typeof IngestItem>

/** What `POST /api/v1/events` takes: every source but `cap`, which has its own XML intake. */
export const EventsIngestItem = Type.Union(INGEST_SOURCES.map((s) => IngestItemBySource[s]), { $id: 'IngestItem' })

export const MAX_BATCH = 5000
/** One item or a batch; documented here, checked item by item by `validateIngestBody`. */
export const IngestBody = Type.Union([EventsIngestItem, Type.Array(EventsIngestItem, { minItems: 1, maxItems: MAX_BATCH })])

export const Path = Type.Object({
  district: Type.Union([Type.String(), Type.Null()]),
  street: Type.Union([Type.String(), Type.Null()]),
  community: Type.Union([Type.String(), Type.Null()]),
  grid: Type.Union([Type.String(), Type.Null()]),
  microgrid: Type.Union([Type.String(), Type.Null()]),
})
export type Path = Static<typeof Path>

export const StoredEvent = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  source: Source,
  sourceId: Type.String(),
  category: Type.String(),
  severity: Severity,
  occurredAt: Type.String(),
  receivedAt: Type.String(),
  location: LngLat,
  path: Path,
  outside: Type.Boolean(),
  title: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  attrs: Type.Record(Type.String(), Type.Unknown()),
})
export type StoredEvent = Static<typeof StoredEvent>

export const IngestAck = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  sourceId: Type.String(),
  duplicate: Type.Boolean(),
})
export type IngestAck = Static<typeof IngestAck>

export const IngestReply = Type.Object({
  accepted: Type.Integer({ description: 'Items newly stored by this request (duplicates excluded).' }),
  events: Type.Array(IngestAck),
})
export type IngestReply = Static<typeof IngestReply>
