/**
 * Group commit: requests that arrive in the same event-loop turn share one transaction, so a
 * thousand concurrent single-event POSTs cost one fsync, not a thousand. Each caller's promise
 * settles only after the transaction holding its items has committed (or failed, storing nothing).
 */
export class GroupCommit<TItem, TResult> {
  private pending: Array<{ items: TItem[]; resolve: (r: TResult[]) => void; reject: (e: unknown) => void }> = []
  private scheduled = false
  private closed = false

  constructor(private readonly commit: (batches: TItem[][]) => TResult[][]) {}

  submit(items: TItem[]): Promise<TResult[]> {
    if (this.closed) return Promise.reject(new Error('store is closed'))
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  /** Commits everything queued now. */
  flush(): void {
    this.scheduled = false
    const work = this.pending
    this.pending = []
    if (work.length === 0) return
    let results: TResult[][]
    try {
      results = this.commit(work.map((w) => w.items))
    } catch (err) {
      for (const w of work) w.reject(err)
      return
    }
    work.forEach((w, i) => w.resolve(results[i] ?? []))
  }

  /** Commits what is queued and refuses new work: the graceful-shutdown drain. */
  drain(): void {
    this.closed = true
    this.flush()
  }
}
