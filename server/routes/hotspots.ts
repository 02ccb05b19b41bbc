/**
 * `GET /api/v1/hotspots` (DESIGN §4): the active hotspots within the caller's scope. Each carries a
 * `type`; today only `detection` (one camera that keeps seeing the same thing), later also the
 * automatic hotspots of DESIGN §2.4.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Hotspot } from '../../domain/cameras.ts'
import { ErrorReply } from '../schemas.ts'
import { listStreet } from '../realtime/rooms.ts'

const hotspots: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/v1/hotspots',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['hotspots'],
        summary: 'Active hotspots, oldest first, within the caller’s scope',
        security: [{ bearer: [] }],
        querystring: Type.Object({ street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }),
        response: { 200: Type.Object({ hotspots: Type.Array(Hotspot) }), 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const { street } = request.query
      const inScope = listStreet(request.user.scope, street)
      return { hotspots: fastify.cameras.hotspots(new Date(), inScope) }
    },
  )
}
export default hotspots
