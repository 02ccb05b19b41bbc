/**
 * TypeBox schemas for `/open311/v2/`: the JSON replies (GeoReport v2 field names and shapes), the
 * GET filters and the POST body. The XML replies carry the same data (to-xml.ts).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { ATTRIBUTE_DATATYPES } from '../../domain/hotline-services.ts'

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

export const Open311Errors = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }))

export const Service = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean(),
  type: Type.Literal('realtime'),
  keywords: Type.String(),
  group: Type.String(),
})
export type Service = Static<typeof Service>

export const ServiceDefinition = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(Type.Object({
    variable: Type.Boolean(),
    code: Type.String(),
    datatype: Type.Union(ATTRIBUTE_DATATYPES.map((d) => Type.Literal(d))),
    required: Type.Boolean(),
    datatype_description: Nullable(Type.String()),
    order: Type.Integer(),
    description: Type.String(),
    values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
  })),
})
export type ServiceDefinition = Static<typeof ServiceDefinition>

export const ServiceRequest = Type.Object({
  service_request_id: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  status_notes: Nullable(Type.String()),
  service_name: Type.String(),
  service_code: Type.String(),
  description: Nullable(Type.String()),
  agency_responsible: Nullable(Type.String()),
  service_notice: Nullable(Type.String()),
  requested_datetime: Type.String(),
  updated_datetime: Type.String(),
  expected_datetime: Nullable(Type.String()),
  address: Nullable(Type.String()),
  address_id: Nullable(Type.String()),
  zipcode: Nullable(Type.String()),
  lat: Type.Number(),
  long: Type.Number(),
  media_url: Nullable(Type.String()),
})
export type ServiceRequest = Static<typeof ServiceRequest>

export const PostReply = Type.Array(Type.Object({
  service_request_id: Type.String(),
  service_notice: Nullable(Type.String()),
  account_id: Nullable(Type.String()),
}))
export type PostReply = Static<typeof PostReply>

/** Accepted everywhere; only required where an endpoint serves several jurisdictions (ours serves one). */
const jurisdiction_id = Type.Optional(Type.String({ maxLength: 128 }))

export const JurisdictionQuery = Type.Object({ jurisdiction_id }, { additionalProperties: true })

const commaList = (item: string, max: number) => Type.String({ pattern: `^\\s*${item}\\s*(,\\s*${item}\\s*)*$`, maxLength: max })
/** W3C date-time with seconds and a zone, as the spec requires ("Must use w3 format, eg 2010-01-01T00:00:00Z"). */
const W3 = Type.String({ format: 'date-time', description: 'w3 format with a zone, e.g. 2026-11-22T00:00:00+08:00' })

export const RequestsQuery = Type.Object({
  jurisdiction_id,
  service_request_id: Type.Optional(commaList('[A-Za-z0-9_-]{1,64}', 70_000)),
  service_code: Type.Optional(commaList('[A-Za-z0-9_.-]{1,64}', 4000)),
  start_date: Type.Optional(W3),
  end_date: Type.Optional(W3),
  status: Type.Optional(commaList('(open|closed)', 64)),
}, { additionalProperties: true })
export type RequestsQuery = Static<typeof RequestsQuery>

const Coordinate = (min: number, max: number) => Type.Number({ minimum: min, maximum: max })
const Text = (max: number) => Type.Optional(Type.String({ maxLength: max }))
const AttributeValue = Type.Union([Type.String({ maxLength: 4000 }), Type.Number(), Type.Boolean()])

/**
 * The POST body, form or JSON. Forms arrive as strings, and Fastify's validator coerces `lat`/`long`
 * to numbers (a non-number is refused). `attribute[code]` keys stay open (`additionalProperties`): the
 * service definition, not this schema, says which codes exist (check-attributes.ts).
 */
export const PostBody = Type.Object({
  api_key: Text(256),
  jurisdiction_id,
  service_code: Type.String({ minLength: 1, maxLength: 64 }),
  lat: Type.Optional(Coordinate(-90, 90)),
  long: Type.Optional(Coordinate(-180, 180)),
  address_string: Text(500),
  address_id: Text(128),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  device_id: Text(128),
  account_id: Text(128),
  first_name: Text(64),
  last_name: Text(64),
  phone: Type.Optional(Type.String({ pattern: '^[0-9+()\\- ]{3,32}$' })),
  description: Text(4000),
  /**
   * A Gridwatch extension to GeoReport v2, whose POST has no time: when the call came in, for a hotline
   * gateway forwarding calls later (or a drill at speed). ISO 8601 with its zone; absent, the arrival
   * time is used, as the spec implies.
   */
  requested_datetime: Type.Optional(Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' })),
  media_url: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 2048 })),
  attribute: Type.Optional(Type.Record(Type.String(), Type.Union([AttributeValue, Type.Array(AttributeValue, { maxItems: 100 })]))),
}, { additionalProperties: true })
export type PostBody = Static<typeof PostBody>
