/**
 * Group commit: requests that arrive together share one transaction, so a thousand concurrent
 * single-event POSTs cost a few fsyncs, not a thousand. Up to `maxInFlight` transactions are
 * handed to the committer at once (it runs them in order), so the writer never idles while the
 * caller's thread turns the last answer around. Each caller's promise settles only after the
 * transaction holding its items has committed (or failed, storing nothing).
 */
type Work<TItem, TResult> = { items: TItem[]; resolve: (r: TResult[]) => void; reject: (e: unknown) => void }

export class GroupCommit<TItem, TResult> {
  private pending: Work<TItem, TResult>[] = []
  private inFlight = 0
  private scheduled = false
  private closed = false
  private idle: (() => void)[] = []

  constructor(
    private readonly commit: (batches: TItem[][]) => Promise<TResult[][]>,
    private readonly maxInFlight = 2,
  ) {}

  submit(items: TItem[]): Promise<TResult[]> {
    if (this.closed) return Promise.reject(new Error('store is closed'))
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.pending.length === 0) return
    this.scheduled = true
    // Let requests that arrived in the same turn join the same transaction.
    setImmediate(() => {
      this.scheduled = false
      void this.send()
    })
  }

  private async send(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || this.pending.length === 0) return
    const work = this.pending
    this.pending = []
    this.inFlight++
    try {
      const results = await this.commit(work.map((w) => w.items))
      work.forEach((w, i) => w.resolve(results[i] ?? []))
    } catch (err) {
      for (const w of work) w.reject(err)
    } finally {
      this.inFlight--
      if (this.pending.length > 0) this.schedule()
      else if (this.inFlight === 0) for (const done of this.idle.splice(0)) done()
    }
  }

  /** Commits everything queued and refuses new work: the graceful-shutdown drain. */
  async drain(): Promise<void> {
    this.closed = true
    if (this.inFlight === 0 && this.pending.length === 0 && !this.scheduled) return
    await new Promise<void>((resolve) => this.idle.push(resolve))
  }
}
