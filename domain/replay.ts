/**
 * The replay (DESIGN §1, `/replay`): the events of a past range, in the order the operations centre
 * received them, for the time slider to play back on the map.
 *
 * A demo day holds 60,000–100,000 events, so the reply is columnar: one array per field, all of the
 * same length, index `i` of every array describing the `i`-th event. Fields with few distinct values
 * (source, sensor state, severity, category, street, title) are dictionary-coded: the column holds an
 * index into `dictionary.<field>`, and `-1` where the event has none (no street when it fell outside
 * the district, no state unless it is a sensor's, no title). `-1` rather than `null` keeps every
 * column an array of plain integers, which is both smaller and much faster to serialise.
 *
 * The events are those the wall's feed shows: a sensor's heartbeats and an AI detection below the
 * camera's confidence threshold are stored but are not events anyone reviews, so they are left out.
 * Callers' names and phones are never part of it, and hotline titles are masked as everywhere else.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Timestamp } from './event.ts'

/** The most events one reply carries; a range holding more is cut at its earliest `limit` with `truncated: true`. */
export const REPLAY_MAX_EVENTS = 200_000
/** The widest range one request may ask for. */
export const REPLAY_MAX_RANGE_MS = 7 * 24 * 3_600_000
/** The range replayed when none is asked for: the last day. */
export const REPLAY_DEFAULT_RANGE_MS = 24 * 3_600_000

/** An instant in the query: the contract's timestamp form (an explicit offset), described. */
const When = (description: string) => Type.String({ format: 'date-time', pattern: Timestamp.pattern, description })

export const ReplayQuery = Type.Object(
  {
    from: Type.Optional(When('Start of the range, inclusive (ISO-8601 with its offset; send `+` as `%2B`). Default: 24 hours before `until`.')),
    until: Type.Optional(When('End of the range, exclusive. Default: 24 hours after `from` when `from` is given, else now.')),
    street: Type.Optional(Type.String({ pattern: '^\\d{9}$', description: 'Only this street (a street user always gets only their own).' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: REPLAY_MAX_EVENTS, default: REPLAY_MAX_EVENTS })),
  },
  { additionalProperties: false },
)
export type ReplayQuery = Static<typeof ReplayQuery>

/** A dictionary-coded column: indexes into its dictionary, `-1` for none. */
const Coded = (description: string) => Type.Array(Type.Integer({ minimum: -1 }), { description })

export const ReplayDictionary = Type.Object({
  source: Type.Array(Type.String()),
  state: Type.Array(Type.String()),
  severity: Type.Array(Type.String()),
  category: Type.Array(Type.String()),
  street: Type.Array(Type.String()),
  title: Type.Array(Type.String()),
})
export type ReplayDictionary = Static<typeof ReplayDictionary>

export const ReplayReply = Type.Object({
  from: Type.String({ description: 'The range replayed, inclusive (ISO-8601, UTC).' }),
  until: Type.String({ description: 'The range replayed, exclusive.' }),
  count: Type.Integer({ description: 'Events in this reply (the length of every column).' }),
  limit: Type.Integer({ description: 'The most events this reply could carry.' }),
  truncated: Type.Boolean({ description: 'The range holds more than `limit` events: only its earliest `limit` are here.' }),
  seq: Type.Array(Type.Integer(), { description: 'Store sequence numbers.' }),
  at: Type.Array(Type.Integer(), { description: '`receivedAt` in milliseconds since the epoch, ascending.' }),
  lng: Type.Array(Type.Number(), { description: 'WGS-84 longitude, to 5 decimals (about a metre).' }),
  lat: Type.Array(Type.Number(), { description: 'WGS-84 latitude, to 5 decimals.' }),
  source: Coded('Index into `dictionary.source`.'),
  state: Coded('A sensor event\'s state (`alarm`, `fault`, `offline`, `normal`, …), index into `dictionary.state`; -1 for other sources.'),
  severity: Coded('Index into `dictionary.severity`.'),
  category: Coded('Index into `dictionary.category` (a taxonomy code of the event\'s source).'),
  street: Coded('The street id, index into `dictionary.street`; -1 outside the district.'),
  title: Coded('Index into `dictionary.title`; -1 without a title.'),
  dictionary: ReplayDictionary,
})
export type ReplayReply = Static<typeof ReplayReply>

/** The coded columns, in the order the reply lists them. */
export const REPLAY_CODED_COLUMNS = ['source', 'state', 'severity', 'category', 'street', 'title'] as const
export type ReplayCodedColumn = (typeof REPLAY_CODED_COLUMNS)[number]
