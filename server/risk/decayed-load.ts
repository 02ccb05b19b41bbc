/**
 * Each micro-grid's event load: the sum of its events' weights, each halving every `halfLifeMs` since
 * it occurred. Every event published passes through here, so a load is kept as its value at one
 * reference time shared by all places (a weight enters scaled up by how much later than the reference
 * it occurred): an event costs one map update and one `exp`, and nothing else is kept per place. The
 * reference moves to the reading time at each `at`, and before the scale could grow large.
 */
/** Half-lives the reference may fall behind before the loads are brought forward (2^32: exact enough). */
const REBASE_HALF_LIVES = 32

export class DecayedLoad {
  private readonly loads = new Map<string, number>()
  /** ln 2 / half-life: a load is multiplied by e^(−rate × ms). */
  private readonly rate: number
  private refMs: number | undefined

  constructor(private readonly halfLifeMs: number) {
    this.rate = Math.LN2 / halfLifeMs
  }

  /** Adds `weight` for an event that occurred at `occurredMs` (a future time counts as now). */
  add(id: string, weight: number, occurredMs: number, nowMs: number): void {
    if (!(weight > 0)) return
    if (this.refMs === undefined) this.refMs = nowMs
    else if (nowMs - this.refMs > REBASE_HALF_LIVES * this.halfLifeMs) this.rebase(nowMs)
    const scaled = weight * Math.exp((Math.min(occurredMs, nowMs) - this.refMs) * this.rate)
    this.loads.set(id, (this.loads.get(id) ?? 0) + scaled)
  }

  /** Every load at `nowMs`; those decayed below `forgetBelow` are dropped, so the map keeps only live places. */
  at(nowMs: number, forgetBelow = 1e-3): Map<string, number> {
    this.rebase(nowMs)
    const out = new Map<string, number>()
    for (const [id, value] of this.loads) {
      if (value < forgetBelow) this.loads.delete(id)
      else out.set(id, value)
    }
    return out
  }

  /** Makes `nowMs` the reference (never moving it back: a clock that steps back decays nothing). */
  private rebase(nowMs: number): void {
    if (this.refMs === undefined || nowMs <= this.refMs) return
    const factor = Math.exp((this.refMs - nowMs) * this.rate)
    for (const [id, value] of this.loads) this.loads.set(id, value * factor)
    this.refMs = nowMs
  }
}
