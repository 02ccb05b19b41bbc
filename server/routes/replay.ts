/**
 * The replay (DESIGN §1, `/replay`): `GET /api/v1/replay/events?from=&until=` gives a past range's
 * events, oldest first, as columns (domain/replay.ts), within the caller's scope: a street user gets
 * only their street's, whatever they ask for.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { REPLAY_MAX_EVENTS, ReplayQuery, ReplayReply } from '../../domain/replay.ts'
import { ErrorReply } from '../schemas.ts'
import { errorBody, httpError } from '../http-error.ts'
import { listStreet } from '../realtime/rooms.ts'
import { createReplayColumns } from '../replay/replay-columns.ts'
import { replayRange } from '../replay/replay-range.ts'
import { timeSlices } from '../replay/time-slices.ts'

/**
 * A day is read an hour at a time (about 4,000 events of a demo day, some 40 ms), the event loop
 * running between: a whole day in one synchronous read would hold up ingest and the live frames for
 * about a second.
 */
const SLICE_MS = 3_600_000
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
const errorJson = (e: { statusCode: number; message: string; details?: unknown }) => JSON.stringify(errorBody(e.statusCode, e.message, e.details))

const replay: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/v1/replay/events',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['events'],
        summary: 'A past range’s events, oldest first, as columns for the replay’s time slider',
        description: 'Events received in `[from, until)` (default: the last 24 hours; at most 7 days), in the order the centre received them, ' +
          'as one array per field; source, state, severity, category, street and title are indexes into `dictionary`, -1 for none. ' +
          'What the wall\'s feed shows: sensor heartbeats and detections below the confidence threshold are left out, ' +
          `callers' contact is not included and hotline titles are masked. At most \`limit\` (${REPLAY_MAX_EVENTS.toLocaleString('en')}) ` +
          'events, the earliest, with `truncated: true` when the range holds more. A street user gets only their own street.',
        security: [{ bearer: [] }],
        querystring: ReplayQuery,
        response: { 200: ReplayReply, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply },
      },
      // The reply by JSON.stringify rather than the schema's compiled serialiser, which checks each of
      // a day's ~800,000 numbers one by one and took three times as long here (bench/replay-read.ts);
      // it is built from typed rows only, so there is nothing for the schema to strip. Errors reach a
      // serialiser as Fastify's error objects, whose fields JSON.stringify cannot see: they are read
      // one by one into the usual `/api` error body.
      serializerCompiler: ({ httpStatus }) => (httpStatus === '200' ? (data) => JSON.stringify(data) : errorJson),
    },
    async (request) => {
      const { limit = REPLAY_MAX_EVENTS } = request.query
      const { from, until } = replayRange(request.query, Date.now())
      const street = listStreet(request.user.scope, request.query.street)
      if (street && !fastify.district.streets.some((s) => s.properties.id === street)) throw httpError(400, `no street ${street}`)
      const columns = createReplayColumns()
      for (const [since, end] of timeSlices(from.getTime(), until.getTime(), SLICE_MS)) {
        // One more than asked for in all says whether the range holds more, without counting it separately.
        columns.add(fastify.store.replay({ since: new Date(since).toISOString(), until: new Date(end).toISOString(), street, limit: limit + 1 - columns.count }))
        if (columns.count > limit) break
        await nextTurn()
      }
      return columns.finish({ from, until, limit })
    },
  )
}
export default replay
