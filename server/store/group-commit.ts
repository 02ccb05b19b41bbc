/**
 * Group commit: while one transaction is being committed, requests queue up and then share the
 * next one, so a thousand concurrent single-event POSTs cost a few fsyncs, not a thousand. Each
 * caller's promise settles only after the transaction holding its items has committed (or failed,
 * storing nothing).
 */
type Work<TItem, TResult> = { items: TItem[]; resolve: (r: TResult[]) => void; reject: (e: unknown) => void }

export class GroupCommit<TItem, TResult> {
  private pending: Work<TItem, TResult>[] = []
  private inFlight: Promise<void> | undefined
  private closed = false

  constructor(private readonly commit: (batches: TItem[][]) => Promise<TResult[][]>) {}

  submit(items: TItem[]): Promise<TResult[]> {
    if (this.closed) return Promise.reject(new Error('store is closed'))
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject })
      this.inFlight ??= this.run()
    })
  }

  private async run(): Promise<void> {
    // Let requests that arrived in the same turn join the first transaction.
    await new Promise((r) => setImmediate(r))
    while (this.pending.length > 0) {
      const work = this.pending
      this.pending = []
      try {
        const results = await this.commit(work.map((w) => w.items))
        work.forEach((w, i) => w.resolve(results[i] ?? []))
      } catch (err) {
        for (const w of work) w.reject(err)
      }
    }
    this.inFlight = undefined
  }

  /** Commits everything queued and refuses new work: the graceful-shutdown drain. */
  async drain(): Promise<void> {
    this.closed = true
    await this.inFlight
  }
}
