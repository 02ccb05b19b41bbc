/**
 * Security headers from `helmet`, built once. (@fastify/helmet rebuilds the middleware, and
 * re-parses the CSP, on every request, which cost a visible share of single-event ingest.)
 */
import fp from 'fastify-plugin'
import helmet from 'helmet'

export default fp(
  async (fastify) => {
    const apply = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // MapLibre runs its tile workers from blob: URLs.
          workerSrc: ["'self'", 'blob:'],
          childSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          // Operations centres often serve over plain http on a LAN.
          upgradeInsecureRequests: null,
        },
      },
    })
    fastify.addHook('onRequest', (request, reply, done) => apply(request.raw, reply.raw, (err) => done(err as Error | undefined)))
  },
  { name: 'security-headers' },
)
