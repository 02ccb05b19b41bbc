/**
 * Each micro-grid's event load: the sum of its events' weights, each halving every `halfLifeMs` since
 * it occurred. Kept as one number and the time it was last brought up to date, so an event costs a
 * map lookup and a power, and the load at any later time is one multiplication away.
 */
export class DecayedLoad {
  private readonly loads = new Map<string, { value: number; atMs: number }>()

  constructor(private readonly halfLifeMs: number) {}

  /** Adds `weight` for an event that occurred at `occurredMs` (a future time counts as now). */
  add(id: string, weight: number, occurredMs: number, nowMs: number): void {
    if (!(weight > 0)) return
    const fresh = weight * this.factor(nowMs - Math.min(occurredMs, nowMs))
    const l = this.loads.get(id)
    if (!l) {
      this.loads.set(id, { value: fresh, atMs: nowMs })
      return
    }
    if (nowMs > l.atMs) {
      l.value *= this.factor(nowMs - l.atMs)
      l.atMs = nowMs
    }
    l.value += fresh
  }

  /** Every load at `nowMs`; those decayed below `forgetBelow` are dropped, so the map keeps only live places. */
  at(nowMs: number, forgetBelow = 1e-3): Map<string, number> {
    const out = new Map<string, number>()
    for (const [id, l] of this.loads) {
      const value = l.value * this.factor(Math.max(0, nowMs - l.atMs))
      if (value < forgetBelow) this.loads.delete(id)
      else out.set(id, value)
    }
    return out
  }

  private factor(ageMs: number): number {
    return Math.pow(2, -ageMs / this.halfLifeMs)
  }
}
