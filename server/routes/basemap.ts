/**
 * The offline basemap: `GET /api/v1/basemap` says whether there is one and what it holds;
 * `GET /basemap/basemap.pmtiles` serves the archive, which MapLibre reads with HTTP Range requests.
 *
 * The archive is public, unlike `/api`: it is published map data (OpenStreetMap extracts, say) with
 * nothing of the operations centre in it, and MapLibre's tile requests carry no user token. What is
 * private (events, the hierarchy) stays behind `requireUser`, including this route's metadata.
 */
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { basename, dirname } from 'node:path'
import { BASEMAP_URL, BasemapInfo } from '../../domain/basemap.ts'
import { httpError } from '../http-error.ts'
import { ErrorReply } from '../schemas.ts'

const basemap: FastifyPluginAsyncTypebox = async (fastify) => {
  const served = fastify.basemap

  fastify.get(
    '/api/v1/basemap',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['basemap'],
        summary: 'Whether an offline basemap is configured (BASEMAP_PMTILES), and its bounds, zooms and tile layers',
        security: [{ bearer: [] }],
        response: { 200: BasemapInfo },
      },
    },
    async () => served?.info ?? { available: false },
  )

  // @fastify/static's send handles Range (206 + Content-Range, 416 when unsatisfiable), ETag,
  // Last-Modified and conditional requests. Registered here, inside this plugin's encapsulated
  // context, because routes/web.ts registers its own instance and `sendFile` may be decorated once
  // per context.
  if (served) await fastify.register(fastifyStatic, { root: dirname(served.file), serve: false })

  fastify.get(
    BASEMAP_URL,
    {
      // Compressing would break byte ranges, and vector tiles inside are already gzipped.
      compress: false,
      schema: {
        tags: ['basemap'],
        summary: 'The PMTiles archive; read it with Range requests',
        response: { 404: ErrorReply },
      },
    },
    async (request, reply) => {
      if (!served) throw httpError(404, 'no basemap is configured (BASEMAP_PMTILES)')
      // Revalidated on every use (the ETag makes that a 304): an operator may replace the file.
      reply.header('cache-control', 'no-cache')
      return reply.sendFile(basename(served.file), dirname(served.file), { cacheControl: false, dotfiles: 'allow' })
    },
  )
}
export default basemap
