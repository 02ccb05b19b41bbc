/**
 * The sites as GeoJSON (`/api/v1/geo/sites/{dedicated|compound|building}.geojson`): one RFC 7946
 * FeatureCollection (WGS-84) per kind, serialised and gzipped once, with an ETag, like the hierarchy levels.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BuildingCollection, CompoundCollection, DedicatedCollection, SiteKind } from '../../domain/sites.ts'
import { precompressJson, sendPrecompressed, type PrecompressedJson } from '../http/precompressed-json.ts'

const geoSites: FastifyPluginAsyncTypebox = async (fastify) => {
  const { dedicated, compounds, buildings } = fastify.sites
  const bodies: Record<SiteKind, PrecompressedJson> = {
    dedicated: precompressJson({ type: 'FeatureCollection', features: dedicated }),
    compound: precompressJson({ type: 'FeatureCollection', features: compounds }),
    // 7.5 MB of JSON, about 0.7 MB gzipped.
    building: precompressJson({ type: 'FeatureCollection', features: buildings }),
  }

  fastify.get(
    '/api/v1/geo/sites/:kind.geojson',
    {
      onRequest: fastify.requireUser,
      compress: false,
      schema: {
        tags: ['geo'],
        summary: 'Dedicated grids, residential compounds or building units as an RFC 7946 FeatureCollection (WGS-84)',
        security: [{ bearer: [] }],
        params: Type.Object({ kind: SiteKind }),
        // Documents the shape; the bytes themselves are sent precompressed, never re-serialised.
        response: { 200: Type.Union([DedicatedCollection, CompoundCollection, BuildingCollection]), 304: Type.Null() },
      },
    },
    async (request, reply) => sendPrecompressed(request, reply, bodies[request.params.kind]),
  )
}
export default geoSites
