/** The hierarchy as GeoJSON (`/api/v1/geo/...`): levels, one FeatureCollection per level, and locate. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { Level, LevelInfo } from '../../domain/geo.ts'
import { Path } from '../../domain/event.ts'
import { availableLevels, levelCollection } from '../../geo/index.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'

const geo: FastifyPluginAsyncTypebox = async (fastify) => {
  const levels = availableLevels(fastify.district)
  // Serialised and compressed once: the hierarchy is fixed for the life of the process, and the
  // micro-grid level is 2.5 MB of JSON that would otherwise be gzipped again for every wall.
  const bodies = new Map<string, { json: Buffer; gzip: Buffer; etag: string }>()
  for (const info of levels.filter((l) => l.available)) {
    const json = Buffer.from(JSON.stringify(levelCollection(fastify.district, info.level)))
    bodies.set(info.level, { json, gzip: gzipSync(json), etag: `"${createHash('sha1').update(json).digest('base64url')}"` })
  }

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
      reply.header('etag', body.etag).header('cache-control', 'private, max-age=0, must-revalidate').header('vary', 'accept-encoding')
      if (request.headers['if-none-match'] === body.etag) return reply.code(304).send(null)
      reply.type('application/geo+json')
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(body.gzip)
      return reply.send(body.json)
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
