/**
 * The street ranking by KPI (接诉即办考核) as the wall shows it: streets in the server's rank order
 * (1 = best; see domain/kpi.ts `kpiScore`), each rate as a whole percentage, the score as a bar.
 * Streets with no case in the period have no score: they sort after the scored ones and show a dash.
 */
import type { KpiReport, KpiRow } from '../../domain/kpi.ts'

export interface KpiRankRow {
  id: string
  name: string
  rank: number
  cases: number
  response: string
  resolution: string
  satisfaction: string
  /** The score out of 100 with one decimal, or a dash. */
  score: string
  /** 0–1 for the bar; 0 without a score. */
  share: number
  scored: boolean
  /** Response, resolution or satisfaction below `LOW_RATE`: shown in warning colour. */
  low: { response: boolean; resolution: boolean; satisfaction: boolean }
}

/** A rate under this is flagged (the 三率 targets are usually 90 % and up). */
export const LOW_RATE = 0.8
const DASH = '—'

/** @example percent(0.956) // '96%'; percent(null) // '—' */
export function percent(rate: number | null): string {
  return rate === null ? DASH : `${Math.round(rate * 100)}%`
}

const isLow = (rate: number | null) => rate !== null && rate < LOW_RATE

/**
 * @example
 * kpiRankRows(report).map((r) => [r.rank, r.name, r.score]) // [[1, '猛追湾街道', '97.5'], …]
 */
export function kpiRankRows(report: Pick<KpiReport, 'streets'>, nameOf: (id: string) => string | undefined = () => undefined): KpiRankRow[] {
  const byRank = (a: KpiRow, b: KpiRow) =>
    Number(a.score === null) - Number(b.score === null) || a.rank - b.rank || b.cases - a.cases || a.id.localeCompare(b.id)
  return [...report.streets].sort(byRank).map((r) => ({
    id: r.id,
    name: nameOf(r.id) ?? r.name,
    rank: r.rank,
    cases: r.cases,
    response: percent(r.responseRate),
    resolution: percent(r.resolutionRate),
    satisfaction: percent(r.satisfactionRate),
    score: r.score === null ? DASH : (r.score * 100).toFixed(1),
    share: r.score ?? 0,
    scored: r.score !== null,
    low: { response: isLow(r.responseRate), resolution: isLow(r.resolutionRate), satisfaction: isLow(r.satisfactionRate) },
  }))
}
