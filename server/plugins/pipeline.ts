/**
 * The ingest pipeline (DESIGN §3): normalise → locate → store (seq) → publish. The caller's promise
 * resolves after the commit, and only then are the new events published.
 */
import fp from 'fastify-plugin'
import type { IngestItem } from '../../domain/event.ts'
import type { AppendResult } from '../store/event-store.ts'
import { normaliseEvent } from '../pipeline/normalise-event.ts'

export interface Pipeline {
  ingest(items: IngestItem[]): Promise<AppendResult[]>
}

declare module 'fastify' {
  interface FastifyInstance {
    pipeline: Pipeline
  }
}

export default fp(
  async (fastify) => {
    const { store, bus, locator, metrics } = fastify
    const locate = (lng: number, lat: number) => locator.locate(lng, lat)

    async function ingest(items: IngestItem[]) {
      const now = new Date()
      const results = await store.append(items.map((item) => normaliseEvent(item, locate, now)))
      const fresh = results.flatMap((r) => (r.event ? [r.event] : []))
      const bySource = new Map<string, number>()
      for (const e of fresh) bySource.set(e.source, (bySource.get(e.source) ?? 0) + 1)
      for (const [source, n] of bySource) metrics.eventsIngested.inc({ source }, n)
      metrics.duplicates.inc(results.length - fresh.length)
      if (fresh.length > 0) bus.publish(fresh)
      return results
    }

    fastify.decorate('pipeline', { ingest })
  },
  { name: 'pipeline', dependencies: ['store', 'bus', 'district', 'metrics'] },
)
