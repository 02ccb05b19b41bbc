/** The hierarchy as GeoJSON (`/api/v1/geo/...`): levels, one FeatureCollection per level, and locate. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Level, LevelInfo } from '../../domain/geo.ts'
import { Path } from '../../domain/event.ts'
import { availableLevels, levelCollection } from '../../geo/index.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { precompressJson, sendPrecompressed, type PrecompressedJson } from '../http/precompressed-json.ts'

const geo: FastifyPluginAsyncTypebox = async (fastify) => {
  const levels = availableLevels(fastify.district)
  // Serialised and compressed once: the hierarchy is fixed for the life of the process, and the
  // micro-grid level is 2.5 MB of JSON that would otherwise be gzipped again for every wall.
  const bodies = new Map<string, PrecompressedJson>()
  for (const info of levels.filter((l) => l.available)) bodies.set(info.level, precompressJson(levelCollection(fastify.district, info.level)))

  fastify.get(
    '/api/v1/geo/levels',
    { onRequest: fastify.requireUser, schema: { tags: ['geo'], security: [{ bearer: [] }], response: { 200: Type.Array(LevelInfo) } } },
    async () => levels,
  )

  fastify.get(
    '/api/v1/geo/:level.geojson',
    {
      onRequest: fastify.requireUser,
      compress: false,
      schema: {
        tags: ['geo'],
        summary: 'One level of the hierarchy as an RFC 7946 FeatureCollection (WGS-84)',
        security: [{ bearer: [] }],
        params: Type.Object({ level: Level }),
        response: { 200: Type.Unknown({ description: 'FeatureCollection' }), 304: Type.Null(), 404: ErrorReply },
      },
    },
    async (request, reply) => {
      const body = bodies.get(request.params.level)
      if (!body) throw httpError(404, `level ${request.params.level} is not generated yet`)
      return sendPrecompressed(request, reply, body)
    },
  )

  fastify.get(
    '/api/v1/geo/locate',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['geo'],
        security: [{ bearer: [] }],
        querystring: Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }),
        response: { 200: Type.Object({ path: Path, outside: Type.Boolean() }) },
      },
    },
    async (request) => fastify.locator.locate(request.query.lng, request.query.lat),
  )
}
export default geo
