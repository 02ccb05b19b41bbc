/**
 * CAP 1.2 (OASIS Common Alerting Protocol) as Gridwatch reads it: the enumerations of the standard's
 * schema (`cap12.xsd`), the checked alert that `server/cap/parse-cap.ts` produces, and the active
 * warnings that `GET /api/v1/warnings` returns to the wall (DESIGN §2.2: "drawn as warning areas").
 */
import { Type, type Static } from '@sinclair/typebox'
import { LngLat, Severity } from './event.ts'

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'
/** The content types `POST /api/v1/cap` reads as XML; anything else is a 415. */
export const CAP_CONTENT_TYPES = ['application/cap+xml', 'application/xml', 'text/xml'] as const
/** A CAP message is a few KiB; real ones with embedded resources stay well under this. */
export const CAP_BODY_LIMIT = 1024 * 1024

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const

export type CapStatus = (typeof CAP_STATUSES)[number]
export type CapMsgType = (typeof CAP_MSG_TYPES)[number]
export type CapScope = (typeof CAP_SCOPES)[number]
export type CapCategory = (typeof CAP_CATEGORIES)[number]
export type CapUrgency = (typeof CAP_URGENCIES)[number]
export type CapSeverity = (typeof CAP_SEVERITIES)[number]
export type CapCertainty = (typeof CAP_CERTAINTIES)[number]

/** A `<circle>` read into GeoJSON order: `center` is `[lng, lat]`. */
export const CapCircle = Type.Object({ center: Type.Tuple([Type.Number(), Type.Number()]), radiusKm: Type.Number({ minimum: 0 }) })
export type CapCircle = Static<typeof CapCircle>

/** An `<area>`; `polygons` are closed GeoJSON rings of `[lng, lat]` (CAP writes `lat,lon`). */
export const CapArea = Type.Object({
  areaDesc: Type.String(),
  polygons: Type.Array(Type.Array(Type.Tuple([Type.Number(), Type.Number()]))),
  circles: Type.Array(CapCircle),
})
export type CapArea = Static<typeof CapArea> & { geocodes: Array<{ valueName: string; value: string }> }

export interface CapInfo {
  /** `en-US` when the message names none (the schema's default). */
  language: string
  categories: CapCategory[]
  event: string
  responseTypes: string[]
  urgency: CapUrgency
  severity: CapSeverity
  certainty: CapCertainty
  effective?: string
  onset?: string
  expires?: string
  senderName?: string
  headline?: string
  description?: string
  instruction?: string
  web?: string
  contact?: string
  areas: CapArea[]
}

/** One entry of `<references>`: an earlier message, `sender,identifier,sent`. */
export interface CapReference {
  sender: string
  identifier: string
  sent: string
}

export interface CapAlert {
  identifier: string
  sender: string
  sent: string
  status: CapStatus
  msgType: CapMsgType
  source?: string
  scope: CapScope
  restriction?: string
  addresses?: string
  note?: string
  references: CapReference[]
  /** The `<references>` text as sent. */
  referencesText?: string
  incidents?: string
  info: CapInfo[]
}

/** One problem found in a message: where (a path such as `/alert/info/0/severity`) and why. */
export interface CapProblem {
  path: string
  message: string
}

/** A current public warning, as listed by `GET /api/v1/warnings`. */
export const Warning = Type.Object({
  /** The id of the stored `cap` event this warning came in as. */
  id: Type.String(),
  identifier: Type.String(),
  sender: Type.String(),
  sent: Type.String(),
  msgType: Type.String(),
  scope: Type.String(),
  category: Type.String(),
  event: Type.String(),
  headline: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  instruction: Type.Union([Type.String(), Type.Null()]),
  severity: Severity,
  /** The message's own words: `Extreme` … `Unknown`, `Immediate` … and `Observed` …. */
  capSeverity: Type.String(),
  urgency: Type.String(),
  certainty: Type.String(),
  effective: Type.Union([Type.String(), Type.Null()]),
  onset: Type.Union([Type.String(), Type.Null()]),
  expires: Type.Union([Type.String(), Type.Null()]),
  senderName: Type.Union([Type.String(), Type.Null()]),
  language: Type.String(),
  /** Where the event was placed: the first area's centre, or the district's when no area has a shape. */
  location: LngLat,
  areas: Type.Array(CapArea),
})
export type Warning = Static<typeof Warning>

export const WarningAreaProps = Type.Object({
  id: Type.String(),
  identifier: Type.String(),
  event: Type.String(),
  headline: Type.Union([Type.String(), Type.Null()]),
  severity: Severity,
  msgType: Type.String(),
  expires: Type.Union([Type.String(), Type.Null()]),
  sender: Type.String(),
})
export type WarningAreaProps = Static<typeof WarningAreaProps>

const Ring = Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }))

export const WarningAreas = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring) }),
      properties: WarningAreaProps,
    }),
  ),
})
export type WarningAreas = Static<typeof WarningAreas>

export const WarningsReply = Type.Object({
  warnings: Type.Array(Warning),
  /** Every area of every listed warning as a Polygon (circles approximated), for the wall to colour by severity. */
  areas: WarningAreas,
})
export type WarningsReply = Static<typeof WarningsReply>

export const CapReply = Type.Object({
  accepted: Type.Integer({ description: '1 when the message was newly stored, 0 for a re-sent one.' }),
  events: Type.Array(Type.Object({ id: Type.String(), seq: Type.Integer(), sourceId: Type.String(), duplicate: Type.Boolean() })),
  warnings: Type.Object({
    /** `sender,identifier` of the warning this message made active, if any. */
    active: Type.Union([Type.String(), Type.Null()]),
    /** `sender,identifier` of the warnings it replaced (Update) or cancelled (Cancel). */
    removed: Type.Array(Type.String()),
    /** Why the message changed no warning (not `Actual`, an Ack, already expired, a re-sent message…). */
    note: Type.Optional(Type.String()),
  }),
})
export type CapReply = Static<typeof CapReply>
