/**
 * `GET /api/v1/warnings`: the public warnings in force (CAP 1.2, `status` Actual, not expired, not
 * replaced or cancelled) and their areas as GeoJSON for the wall. Public warnings concern the whole
 * district, so every signed-in role sees all of them, street users included.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { WarningsReply } from '../../domain/cap.ts'
import { ErrorReply } from '../schemas.ts'
import { warningAreas } from '../cap/warning-areas.ts'

const warnings: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/v1/warnings',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['warnings'],
        summary: 'Public warnings in force, most severe first, with their areas as a FeatureCollection',
        security: [{ bearer: [] }],
        response: { 200: WarningsReply, 401: ErrorReply },
      },
    },
    async () => {
      const list = fastify.warnings.active()
      return { warnings: list, areas: warningAreas(list) }
    },
  )
}

export default warnings
