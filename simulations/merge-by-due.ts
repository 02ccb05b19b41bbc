/** Merges event streams that are each in `dueAt` order into one stream in `dueAt` order (lazily). */
import type { SimEvent } from './sim-event.ts'

/**
 * @example
 * [...mergeByDue([a, b])] // every event of a and b, earliest `dueAt` first; ties keep stream order
 */
export function* mergeByDue(streams: Iterable<Iterable<SimEvent>>): Generator<SimEvent> {
  const its = [...streams].map((s) => s[Symbol.iterator]())
  const heads = its.map((s) => s.next())
  for (;;) {
    let best = -1
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]!
      if (h.done) continue
      if (best < 0 || h.value.dueAt < (heads[best]!.value as SimEvent).dueAt) best = i
    }
    if (best < 0) return
    yield heads[best]!.value as SimEvent
    heads[best] = its[best]!.next()
  }
}
