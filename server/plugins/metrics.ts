/** Prometheus metrics (`GET /metrics`): process defaults plus ingest, HTTP and realtime figures. */
import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'gridwatch_' })
  return {
    registry,
    eventsIngested: new Counter({ name: 'gridwatch_events_ingested_total', help: 'Events stored', labelNames: ['source'], registers: [registry] }),
    duplicates: new Counter({ name: 'gridwatch_events_duplicate_total', help: 'Ingest items that were already stored', registers: [registry] }),
    ingestRejected: new Counter({ name: 'gridwatch_ingest_rejected_total', help: 'Ingest requests refused as invalid', registers: [registry] }),
    httpDuration: new Histogram({
      name: 'gridwatch_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    sockets: new Gauge({ name: 'gridwatch_sockets', help: 'Connected Socket.IO clients', registers: [registry] }),
    frames: new Counter({ name: 'gridwatch_frames_total', help: 'Coalesced frames emitted to rooms', registers: [registry] }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics
  }
}

export default fp(
  async (fastify) => {
    const metrics = createMetrics()
    fastify.decorate('metrics', metrics)
    // One child per (method, route, status): resolving label sets on every request is measurable.
    const children = new Map<string, ReturnType<typeof metrics.httpDuration.labels>>()
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched'
      const key = `${request.method} ${route} ${reply.statusCode}`
      let child = children.get(key)
      if (!child) {
        child = metrics.httpDuration.labels(request.method, route, String(reply.statusCode))
        children.set(key, child)
      }
      child.observe(reply.elapsedTime / 1000)
    })
  },
  { name: 'metrics' },
)
