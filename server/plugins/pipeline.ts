/**
 * The ingest pipeline (DESIGN §3): prepare (per source) → normalise → locate → store (seq) → publish.
 * The caller's promise resolves after the commit, and the new events are published in the same
 * microtask checkpoint, before its continuation runs.
 */
import fp from 'fastify-plugin'
import type { IngestItem, StoredEvent } from '../../domain/event.ts'
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

    // The requests one commit answers resume in the same microtask checkpoint, one after another: what
    // they stored is published once, after the last of them, so subscribers (realtime, cases, alarms)
    // and the counters pay their per-call cost once a commit rather than once a request. Nothing runs
    // in between, so no reader can see a committed event that is not yet published.
    let unpublished: StoredEvent[] = []
    let duplicates = 0
    let settles: Array<() => void> = []
    const publish = () => {
      const fresh = unpublished
      const settled = settles
      unpublished = []
      settles = []
      try {
        const bySource = new Map<string, number>()
        for (const e of fresh) bySource.set(e.source, (bySource.get(e.source) ?? 0) + 1)
        for (const [source, n] of bySource) metrics.eventsIngested.inc({ source }, n)
        if (duplicates > 0) metrics.duplicates.inc(duplicates)
        duplicates = 0
        if (fresh.length > 0) bus.publish(fresh)
      } catch (err) {
        // The events are stored and acknowledged whatever a subscriber makes of them: its failure is
        // logged, not thrown into a microtask, where it would end the process.
        fastify.log.error({ err, events: fresh.length, fromSeq: fresh[0]?.seq }, 'publishing stored events failed')
      } finally {
        // A source step's hold on its items (an alarm id being handed out) ends once they are published.
        for (const settle of settled) settle()
      }
    }

    async function ingest(items: IngestItem[]) {
      const prepared = prepare(items)
      let results: AppendResult[]
      try {
        const now = new Date()
        results = await store.append(prepared.items.map((item) => normaliseEvent(item, locate, now)))
      } catch (err) {
        prepared.settle()
        throw err
      }
      if (unpublished.length === 0 && settles.length === 0) queueMicrotask(publish)
      for (const r of results) {
        if (r.event) unpublished.push(r.event)
        else duplicates++
      }
      settles.push(prepared.settle)
      return results
    }

    function addSourceStep(source: IngestItem['source'], step: SourceStep) {
      if (steps.has(source)) throw new Error(`a pipeline step for source '${source}' is already registered`)
      steps.set(source, step)
    }

    fastify.decorate('pipeline', { ingest, addSourceStep })
  },
  { name: 'pipeline', dependencies: ['store', 'bus', 'district', 'metrics'] },
)
