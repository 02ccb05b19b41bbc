/**
 * JSON bodies serialised and gzipped once at boot and served with a strong ETag: the hierarchy levels and
 * the site layers are fixed for the life of the process, and the biggest of them (micro-grids, buildings)
 * are megabytes of GeoJSON that would otherwise be stringified and compressed again for every wall.
 */
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'

export interface PrecompressedJson {
  json: Buffer
  gzip: Buffer
  /** A strong ETag: the SHA-1 of the JSON. */
  etag: string
}

/**
 * Serialises and gzips `value` once.
 *
 * @example
 * const body = precompressJson(levelCollection(fastify.district, 'street'))
 */
export function precompressJson(value: unknown): PrecompressedJson {
  const json = Buffer.from(JSON.stringify(value))
  return { json, gzip: gzipSync(json), etag: `"${createHash('sha1').update(json).digest('base64url')}"` }
}

/**
 * Replies with `body`: `304` when the client's `If-None-Match` matches, the gzipped bytes when it accepts
 * gzip, the plain JSON otherwise. Routes using it set `compress: false`, so @fastify/compress leaves the
 * bytes alone.
 *
 * @example
 * async (request, reply) => sendPrecompressed(request, reply, body)
 */
export function sendPrecompressed(
  request: FastifyRequest,
  reply: FastifyReply,
  body: PrecompressedJson,
  contentType = 'application/geo+json',
): FastifyReply {
  reply.header('etag', body.etag).header('cache-control', 'private, max-age=0, must-revalidate').header('vary', 'accept-encoding')
  if (request.headers['if-none-match'] === body.etag) return reply.code(304).send(null)
  reply.type(contentType)
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(body.gzip)
  return reply.send(body.json)
}
