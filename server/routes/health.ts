/** Liveness, readiness and Prometheus metrics; no auth, so probes and scrapers can reach them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'

const Health = Type.Object({ status: Type.String(), lastSeq: Type.Optional(Type.Integer()), bootId: Type.Optional(Type.String()) })

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/healthz', { schema: { tags: ['ops'], response: { 200: Health } } }, async () => ({ status: 'ok' }))

  fastify.get('/readyz', { schema: { tags: ['ops'], response: { 200: Health, 503: Health } } }, async (_request, reply) => {
    try {
      return { status: 'ready', lastSeq: fastify.store.lastSeq(), bootId: fastify.bootId }
    } catch {
      return reply.code(503).send({ status: 'not ready' })
    }
  })

  fastify.get('/metrics', { schema: { tags: ['ops'], hide: true } }, async (_request, reply) => {
    reply.type(fastify.metrics.registry.contentType)
    return fastify.metrics.registry.metrics()
  })
}
export default health
