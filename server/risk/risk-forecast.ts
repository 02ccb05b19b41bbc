/**
 * The next-24-hours forecast (DESIGN §2.4, 未诉先办): where each micro-grid's event load will stand a
 * day from now if its recent rate holds. The rate is the higher of the last day's and the last week's
 * (each a load halving with that period, which at a steady rate λ settles at λ × period / ln 2), so a
 * place getting worse is forecast by its worse recent day, and a place with a bad week is not forgotten
 * after a quiet afternoon. The load now decays over the day, and the expected new events add to it as
 * they would at that rate. Alarms are left out: whether one is still open tomorrow cannot be told from
 * the rate of events.
 */
import { DecayedLoad } from './decayed-load.ts'

const HOUR = 3_600_000
export const FORECAST_HOURS = 24
const DAY = 24 * HOUR
const WEEK = 7 * DAY

export class RateForecast {
  private readonly day = new DecayedLoad(DAY)
  private readonly week = new DecayedLoad(WEEK)

  /** `halfLifeMs`: the risk load's own half-life. */
  constructor(private readonly halfLifeMs: number) {}

  add(id: string, weight: number, occurredMs: number, nowMs: number): void {
    this.day.add(id, weight, occurredMs, nowMs)
    this.week.add(id, weight, occurredMs, nowMs)
  }

  /** The expected load of each micro-grid `FORECAST_HOURS` after `nowMs`, from its load now. */
  loads(now: ReadonlyMap<string, number>, nowMs: number): Map<string, number> {
    const ahead = FORECAST_HOURS * HOUR
    const decay = Math.pow(2, -ahead / this.halfLifeMs)
    // A steady rate λ (weight per ms) adds λ × H / ln 2 × (1 − decay) over the day ahead.
    const fromRate = (this.halfLifeMs / Math.LN2) * (1 - decay)
    const day = this.day.at(nowMs)
    const week = this.week.at(nowMs)
    const out = new Map<string, number>()
    for (const id of new Set([...now.keys(), ...day.keys(), ...week.keys()])) {
      const rate = Math.max(((day.get(id) ?? 0) * Math.LN2) / DAY, ((week.get(id) ?? 0) * Math.LN2) / WEEK)
      const load = (now.get(id) ?? 0) * decay + rate * fromRate
      if (load > 1e-3) out.set(id, load)
    }
    return out
  }
}
