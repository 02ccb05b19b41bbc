/**
 * The ingest pipeline (DESIGN §3): prepare (per source) → normalise → locate → store (seq) → publish.
 * The caller's promise resolves after the commit, and only then are the new events published.
 */
import fp from 'fastify-plugin'
import type { IngestItem } from '../../domain/event.ts'
import type { ItemError } from '../../domain/validate-ingest.ts'
import type { AppendResult } from '../store/event-store.ts'
import { httpError } from '../http-error.ts'
import { normaliseEvent } from '../pipeline/normalise-event.ts'

/** What a source's step made of its items in one batch. */
export interface SourcePrepared {
  /** The items to store, one for each item given, in the same order (e.g. completed from a registry). */
  items: IngestItem[]
  /** Problems that refuse the whole batch; `index` is the item's index in the batch, not in `items`. */
  errors: ItemError[]
  /** Runs once the batch has settled: committed and published, refused, or failed. */
  settle?: () => void
}

/**
 * A source's own step, registered by the plugin that owns the source's registry (cameras, sensors…), so
 * every door an item comes in by (`/api/v1/events` or the source's own route) gets the same checks. It
 * runs synchronously, before anything is stored; `indexes[i]` is the batch index of `items[i]`.
 */
export type SourceStep = (items: IngestItem[], indexes: readonly number[]) => SourcePrepared

export interface Pipeline {
  ingest(items: IngestItem[]): Promise<AppendResult[]>
  /** One step per source; a second registration for the same source is a programming error. */
  addSourceStep(source: IngestItem['source'], step: SourceStep): void
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
    const steps = new Map<string, SourceStep>()

    /** Runs each source's step over its items; refuses the batch, naming every bad index, before anything is stored. */
    function prepare(items: IngestItem[]): { items: IngestItem[]; settle: () => void } {
      if (steps.size === 0) return { items, settle: () => {} }
      const bySource = new Map<string, number[]>()
      items.forEach((item, i) => {
        if (!steps.has(item.source)) return
        const list = bySource.get(item.source) ?? []
        list.push(i)
        bySource.set(item.source, list)
      })
      const out = items.slice()
      const errors: ItemError[] = []
      const settles: Array<() => void> = []
      const settle = () => settles.forEach((s) => s())
      for (const [source, indexes] of bySource) {
        const done = (steps.get(source) as SourceStep)(indexes.map((i) => items[i] as IngestItem), indexes)
        if (done.settle) settles.push(done.settle)
        errors.push(...done.errors)
        indexes.forEach((i, k) => (out[i] = done.items[k] as IngestItem))
      }
      if (errors.length > 0) {
        settle()
        metrics.ingestRejected.inc()
        errors.sort((a, b) => a.index - b.index)
        const bad = new Set(errors.map((e) => e.index)).size
        throw httpError(400, `${bad} of ${items.length} items are invalid; nothing was stored`, errors)
      }
      return { items: out, settle }
    }

    async function ingest(items: IngestItem[]) {
      const prepared = prepare(items)
      try {
        const now = new Date()
        const results = await store.append(prepared.items.map((item) => normaliseEvent(item, locate, now)))
        const fresh = results.flatMap((r) => (r.event ? [r.event] : []))
        const bySource = new Map<string, number>()
        for (const e of fresh) bySource.set(e.source, (bySource.get(e.source) ?? 0) + 1)
        for (const [source, n] of bySource) metrics.eventsIngested.inc({ source }, n)
        metrics.duplicates.inc(results.length - fresh.length)
        if (fresh.length > 0) bus.publish(fresh)
        return results
      } finally {
        prepared.settle()
      }
    }

    function addSourceStep(source: IngestItem['source'], step: SourceStep) {
      if (steps.has(source)) throw new Error(`a pipeline step for source '${source}' is already registered`)
      steps.set(source, step)
    }

    fastify.decorate('pipeline', { ingest, addSourceStep })
  },
  { name: 'pipeline', dependencies: ['store', 'bus', 'district', 'metrics'] },
)
