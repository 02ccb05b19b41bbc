/**
 * Ingest (`POST /api/v1/events`) and reads (`GET /api/v1/events`, `/api/v1/events/:id`), as in
 * DESIGN §4. The ingest body is checked by the contract's own per-item validator, so a refused
 * batch names every bad index and why, and stores nothing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { IngestBody, IngestReply, Source, StoredEvent } from '../../domain/event.ts'
import { validateIngestBody } from '../../domain/validate-ingest.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { listStreet, streetFilter } from '../realtime/rooms.ts'
import { publicEvent } from '../privacy/public-event.ts'
import { batchValidator, ingestReply, producerRateLimit } from './producer-route.ts'

const ListQuery = Type.Object({
  sinceSeq: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  source: Type.Optional(Source),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
})

const ListReply = Type.Object({
  events: Type.Array(StoredEvent),
  /** The seq to pass as `sinceSeq` for the next page. */
  lastSeq: Type.Integer(),
})

const events: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/api/v1/events',
    {
      onRequest: fastify.requireProducer,
      // Ingest replies are small; producers may still send gzip-compressed batches.
      compress: false,
      config: { rateLimit: producerRateLimit(fastify.config) },
      schema: {
        tags: ['ingest'],
        summary: 'Ingest one event or a batch of up to 5,000',
        security: [{ apiKey: [] }],
        body: IngestBody,
        response: { 201: IngestReply, 400: ErrorReply, 401: ErrorReply, 413: ErrorReply },
      },
      validatorCompiler: batchValidator(fastify.metrics, validateIngestBody),
    },
    async (request, reply) => {
      const items = Array.isArray(request.body) ? request.body : [request.body]
      const results = await fastify.pipeline.ingest(items)
      return reply.code(201).send(ingestReply(results))
    },
  )

  fastify.get(
    '/api/v1/events',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['events'],
        summary: 'Events after a seq, oldest first, within the caller’s scope',
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: ListReply, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const { sinceSeq = 0, street, source, limit = 500 } = request.query
      const inScope = listStreet(request.user.scope, street)
      const list = fastify.store.list({ sinceSeq, street: inScope, source, limit })
      return { events: list.map(publicEvent), lastSeq: list.at(-1)?.seq ?? sinceSeq }
    },
  )

  fastify.get(
    '/api/v1/events/:id',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['events'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: StoredEvent, 401: ErrorReply, 404: ErrorReply },
      },
    },
    async (request) => {
      const event = fastify.store.get(request.params.id)
      const own = streetFilter(request.user.scope)
      // Out-of-scope events are reported as missing, so ids cannot be probed across streets.
      if (!event || (own && event.path.street !== own)) throw httpError(404, `no event ${request.params.id}`)
      // Callers' contact stays masked here too; only the dispatcher's case view (not built yet) shows it.
      return publicEvent(event)
    },
  )
}
export default events
