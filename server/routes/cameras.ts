/**
 * The camera registry (AI识别): `GET /api/v1/cameras?street=&limit=` and `GET /api/v1/cameras/:id`.
 * A street user sees only the cameras of their own street.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Camera } from '../../domain/cameras.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { listStreet, streetFilter } from '../realtime/rooms.ts'

const ListQuery = Type.Object({
  street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 5000 })),
})

const ListReply = Type.Object({
  cameras: Type.Array(Camera),
  /** Cameras in scope (and street) before `limit`. */
  total: Type.Integer(),
})

const cameras: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/v1/cameras',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['cameras'],
        summary: 'The AI camera registry, in id order, within the caller’s scope',
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: ListReply, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const { street, limit = 5000 } = request.query
      const inScope = listStreet(request.user.scope, street)
      const list = fastify.cameras.list(inScope)
      return { cameras: list.slice(0, limit), total: list.length }
    },
  )

  fastify.get(
    '/api/v1/cameras/:id',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['cameras'],
        summary: 'One camera’s registry entry',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: Camera, 401: ErrorReply, 404: ErrorReply },
      },
    },
    async (request) => {
      const camera = fastify.cameras.get(request.params.id)
      const own = streetFilter(request.user.scope)
      // Another street's camera reads as missing, so ids cannot be probed across streets.
      if (!camera || (own && camera.path.street !== own)) throw httpError(404, `no camera ${request.params.id}`)
      return camera
    },
  )
}
export default cameras
