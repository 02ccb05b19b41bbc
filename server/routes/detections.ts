/**
 * `POST /api/v1/detections` (DESIGN §4, per-source convenience): a camera platform's detections, one
 * or up to 5,000, each stored as a `detection` event at its camera's location. A batch with an
 * unknown camera, a bad box or a malformed message is refused whole, naming each index; nothing is
 * stored.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Camera, DetectionMessage } from '../../domain/cameras.ts'
import { IngestReply, MAX_BATCH } from '../../domain/event.ts'
import { schemaErrors, validateBatch } from '../../domain/validate-batch.ts'
import { detectionItem, detectionProblems } from '../cameras/detection-items.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { batchValidator, ingestReply, producerRateLimit } from './producer-route.ts'

const check = TypeCompiler.Compile(DetectionMessage as TSchema)

const detections: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/api/v1/detections',
    {
      onRequest: fastify.requireProducer,
      compress: false,
      config: { rateLimit: producerRateLimit(fastify.config) },
      schema: {
        tags: ['ingest'],
        summary: 'AI camera detections (AI识别): one or a batch of up to 5,000',
        description: 'Each becomes a `detection` event at its camera. Below DETECTION_ALERT_CONFIDENCE it is stored with `attrs.alerting: false` and severity `minor`.',
        security: [{ apiKey: [] }],
        body: Type.Union([DetectionMessage, Type.Array(DetectionMessage, { minItems: 1, maxItems: MAX_BATCH })]),
        response: { 201: IngestReply, 400: ErrorReply, 401: ErrorReply, 413: ErrorReply },
      },
      validatorCompiler: batchValidator(fastify.metrics, (data) => validateBatch(data, (item, i) => schemaErrors(check, item, i))),
    },
    async (request, reply) => {
      const messages = Array.isArray(request.body) ? request.body : [request.body]
      // Checked here, not only in the pipeline step: the item needs its camera's location.
      const errors = messages.flatMap((m, i) => detectionProblems(m, i, fastify.cameras))
      if (errors.length > 0) {
        fastify.metrics.ingestRejected.inc()
        const bad = new Set(errors.map((e) => e.index)).size
        throw httpError(400, `${bad} of ${messages.length} items are invalid; nothing was stored`, errors)
      }
      const results = await fastify.pipeline.ingest(messages.map((m) => detectionItem(m, fastify.cameras.get(m.cameraId) as Camera)))
      return reply.code(201).send(ingestReply(results))
    },
  )
}
export default detections
