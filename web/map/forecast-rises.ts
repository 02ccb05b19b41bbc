/**
 * Where the forecast is worse than now (预测升级, 未诉先办): the grids whose level in 24 hours is
 * forecast above their level now, worst forecast first, so a street can act before anyone calls.
 * Only grids (一般网格): the tier the early warnings name and the street posts send people to.
 */
import { riskRank, type RiskForecast, type RiskLevel } from '../../domain/risk.ts'
import { levelOfId } from './hierarchy.ts'

export interface ForecastRise {
  gridId: string
  /** The level now. */
  from: RiskLevel
  /** The level forecast. */
  to: RiskLevel
  /** The forecast score. */
  score: number
}

/**
 * The grids forecast to rise, highest forecast score first (ties by id, so the list holds still).
 * `levelNow` gives a grid's level as the wall knows it now (the live frames), which may already
 * have caught up with a forecast loaded minutes ago; a grid with no level now is left out.
 *
 * @example
 * forecastRises(new Map([['510108001001001', { score: 66, riskLevel: 'orange', parts }]]), () => 'yellow')
 * // [{ gridId: '510108001001001', from: 'yellow', to: 'orange', score: 66 }]
 */
export function forecastRises(
  forecasts: ReadonlyMap<string, RiskForecast>,
  levelNow: (id: string) => RiskLevel | undefined,
): ForecastRise[] {
  const out: ForecastRise[] = []
  for (const [gridId, f] of forecasts) {
    if (levelOfId(gridId) !== 'grid') continue
    const from = levelNow(gridId)
    if (from === undefined || riskRank(f.riskLevel) <= riskRank(from)) continue
    out.push({ gridId, from, to: f.riskLevel, score: f.score })
  }
  return out.sort((a, b) => b.score - a.score || (a.gridId < b.gridId ? -1 : 1))
}
