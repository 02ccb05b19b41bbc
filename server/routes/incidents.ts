/**
 * `POST /api/v1/incidents` (DESIGN §4): grid workers' reports from the field app, one or a batch.
 * Each becomes an `incident` event through the same pipeline as `POST /api/v1/events`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { IngestReply, MAX_BATCH } from '../../domain/event.ts'
import { IncidentReport } from '../../domain/incidents.ts'
import { describeCategory } from '../../domain/validate-ingest.ts'
import { schemaErrors, validateBatch } from '../../domain/validate-batch.ts'
import { ErrorReply } from '../schemas.ts'
import { incidentItem } from '../incidents/incident-item.ts'
import { batchValidator, ingestReply, producerRateLimit } from './producer-route.ts'

const check = TypeCompiler.Compile(IncidentReport as TSchema)
const describe = describeCategory('incident')

const incidents: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/api/v1/incidents',
    {
      onRequest: fastify.requireProducer,
      compress: false,
      config: { rateLimit: producerRateLimit(fastify.config) },
      schema: {
        tags: ['ingest'],
        summary: 'A grid worker’s report (网格员上报), or a batch of them',
        security: [{ apiKey: [] }],
        body: Type.Union([IncidentReport, Type.Array(IncidentReport, { minItems: 1, maxItems: MAX_BATCH })]),
        response: { 201: IngestReply, 400: ErrorReply, 401: ErrorReply, 413: ErrorReply },
      },
      validatorCompiler: batchValidator(fastify.metrics, (data) => validateBatch(data, (item, i) => schemaErrors(check, item, i, describe))),
    },
    async (request, reply) => {
      const reports = Array.isArray(request.body) ? request.body : [request.body]
      const now = new Date()
      const results = await fastify.pipeline.ingest(reports.map((r) => incidentItem(r, now)))
      return reply.code(201).send(ingestReply(results))
    },
  )
}

export default incidents
