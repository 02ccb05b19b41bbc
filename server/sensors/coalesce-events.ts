/**
 * Gathers the event batches published within one turn of the event loop and hands them on together,
 * once the turn's I/O callbacks have run (`setImmediate`). Sensor alarms are written in a durable
 * (fsync) transaction: one per turn instead of one per request, and after the replies of the turn
 * rather than before each. A request that arrives later is read only in a later turn, so a client
 * that was answered always finds the alarm its event raised.
 */
export interface Coalescer<T> {
  add(items: readonly T[]): void
  /** Hands on what is waiting now (at shutdown, before the database closes). */
  flush(): void
}

export function coalesce<T>(handle: (items: T[]) => void): Coalescer<T> {
  let waiting: T[] = []
  let scheduled: NodeJS.Immediate | null = null
  const flush = () => {
    if (scheduled) clearImmediate(scheduled)
    scheduled = null
    if (waiting.length === 0) return
    const items = waiting
    waiting = []
    handle(items)
  }
  return {
    add(items) {
      for (const item of items) waiting.push(item)
      scheduled ??= setImmediate(flush)
    },
    flush,
  }
}
