/**
 * `POST /api/v1/cap` (DESIGN §4): one CAP 1.2 message as XML. It is read safely (no DTD, no entity
 * expansion), checked against the standard, stored as a `cap` event through the pipeline, and then
 * applied to the live warnings (`GET /api/v1/warnings`). A refused message stores nothing.
 *
 * The XML content-type parser is registered inside this plugin only, so no other route reads XML.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { pointOnFeature } from '@turf/turf'
import type { FastifyRequest } from 'fastify'
import { CAP_BODY_LIMIT, CAP_CONTENT_TYPES, CapReply } from '../../domain/cap.ts'
import type { LngLat } from '../../domain/event.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { parseCap } from '../cap/parse-cap.ts'
import { decodeXmlBytes } from '../cap/read-cap-xml.ts'
import { capToItem } from '../cap/cap-to-item.ts'
import { producerRateLimit } from './producer-route.ts'

const mediaType = (request: FastifyRequest) => String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()

const cap: FastifyPluginAsyncTypebox = async (fastify) => {
  // Read as bytes: the text's encoding is the one the message declares (decodeXmlBytes), not always UTF-8.
  fastify.addContentTypeParser([...CAP_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: CAP_BODY_LIMIT }, (request, body, done) => {
    const read = decodeXmlBytes(body as Buffer, request.headers['content-type'])
    if (read.ok) done(null, read.text)
    else done(httpError(400, read.message), undefined)
  })

  // A message whose areas have no shape is placed inside the district (see cap-to-item.ts).
  const [lng, lat] = pointOnFeature(fastify.district.district).geometry.coordinates as [number, number]
  const districtPoint: LngLat = { lng: Math.round(lng * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7 }

  fastify.post(
    '/api/v1/cap',
    {
      onRequest: [
        fastify.requireProducer,
        // Checked before the body is read, so JSON or a form never reaches the XML reader.
        async (request) => {
          if (!(CAP_CONTENT_TYPES as readonly string[]).includes(mediaType(request))) {
            throw httpError(415, `content type must be one of: ${CAP_CONTENT_TYPES.join(', ')}`)
          }
        },
      ],
      bodyLimit: CAP_BODY_LIMIT,
      compress: false,
      config: { rateLimit: producerRateLimit(fastify.config) },
      schema: {
        tags: ['ingest'],
        summary: 'One CAP 1.2 public warning (Alert, Update or Cancel) as XML',
        description:
          'Body: a CAP 1.2 `<alert>` (`application/cap+xml`, `application/xml` or `text/xml`, at most 1 MiB). DOCTYPE and ' +
          'entity declarations are refused. Stored as a `cap` event; `Actual` messages also change the live warnings.',
        security: [{ apiKey: [] }],
        consumes: [...CAP_CONTENT_TYPES],
        body: Type.String({ description: 'CAP 1.2 XML' }),
        response: { 201: CapReply, 400: ErrorReply, 401: ErrorReply, 413: ErrorReply, 415: ErrorReply },
      },
    },
    async (request, reply) => {
      const parsed = parseCap(request.body)
      if (!parsed.ok) {
        fastify.metrics.ingestRejected.inc()
        throw httpError(400, parsed.message, parsed.details)
      }
      const item = capToItem(parsed.alert, districtPoint)
      const [result] = await fastify.pipeline.ingest([item])
      const { id, seq, sourceId, duplicate } = result!
      // A re-sent message was applied when it first came; applying it again could revive a cancelled warning.
      const warnings = duplicate
        ? { active: null, removed: [], note: 'already received: warnings unchanged' }
        : fastify.warnings.apply(parsed.alert, id, item.location)
      return reply.code(201).send({ accepted: duplicate ? 0 : 1, events: [{ id, seq, sourceId, duplicate }], warnings })
    },
  )
}

export default cap
