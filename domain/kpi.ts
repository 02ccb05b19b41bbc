/**
 * KPIs (接诉即办考核, DESIGN §2.3): how well each street and community handles its cases, over a
 * period in Beijing time. Every measure counts the cases OPENED in the period within the area (by the
 * case's `path`), so a number never changes its meaning as cases move through their states:
 *   - responseRate   = cases accepted on time (`acceptedOnTime`) / cases whose response is settled:
 *                      accepted, or escalated (the sweep escalates a case that missed its accept
 *                      deadline). A case opened a minute ago is not yet a failure to respond.
 *   - resolutionRate = cases with a `resolution` / cases
 *   - satisfactionRate = return visits `satisfied` or `basically_satisfied` / return visits
 *   - avgHandlingMin = mean of (resolution.at − openedAt) over resolved cases, in minutes
 *   - escalations    = sum of the cases' `escalations`
 *   - lateReports    = whistle summons flagged `late`
 * A rate with no denominator is null, not 0 or 1.
 */
import { Type, type Static } from '@sinclair/typebox'

const When = Type.String({ description: 'ISO-8601' })
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()])

/** today: since local midnight; week: since Monday 00:00; month: since the 1st, 00:00 (Asia/Shanghai). */
export const KPI_PERIODS = ['today', 'week', 'month'] as const
export const KpiPeriod = Type.Union(KPI_PERIODS.map((p) => Type.Literal(p)))
export type KpiPeriod = (typeof KPI_PERIODS)[number]

export const KPI_PERIOD_LABELS: Record<KpiPeriod, { zh: string; en: string }> = {
  today: { zh: '今日', en: 'Today' },
  week: { zh: '本周', en: 'This week' },
  month: { zh: '本月', en: 'This month' },
}

export const KpiMeasures = Type.Object({
  cases: Type.Integer(),
  respondedOnTime: Type.Integer(),
  /** Cases accepted or escalated: the response rate's denominator. */
  responseSettled: Type.Integer(),
  responseRate: Rate,
  resolved: Type.Integer(),
  resolutionRate: Rate,
  returnVisits: Type.Integer(),
  satisfied: Type.Integer({ description: 'satisfied + basically_satisfied' }),
  satisfactionRate: Rate,
  avgHandlingMin: Type.Union([Type.Number(), Type.Null()]),
  escalations: Type.Integer(),
  lateReports: Type.Integer(),
})
export type KpiMeasures = Static<typeof KpiMeasures>

export const KpiRow = Type.Composite([
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    level: Type.Union([Type.Literal('street'), Type.Literal('community')]),
    parentId: Type.String(),
    /** 1 = best among its peers (streets among streets, communities within their street); see `kpiScore`. */
    rank: Type.Integer({ minimum: 1 }),
    score: Type.Union([Type.Number(), Type.Null()]),
  }),
  KpiMeasures,
])
export type KpiRow = Static<typeof KpiRow>

export const KpiDepartmentRow = Type.Object({
  department: Type.String(),
  summoned: Type.Integer(),
  late: Type.Integer(),
})

/** `GET /api/v1/kpi?period=` and the `kpi` socket frame, within the caller's scope. */
export const KpiReport = Type.Object({
  period: KpiPeriod,
  since: When,
  until: When,
  generatedAt: When,
  /** The whole scope: the district, or the street user's street. */
  total: KpiMeasures,
  streets: Type.Array(KpiRow),
  communities: Type.Array(KpiRow),
  departments: Type.Array(KpiDepartmentRow),
})
export type KpiReport = Static<typeof KpiReport>

/**
 * The ranking score: the mean of the rates an area has (response, resolution, satisfaction, as in
 * Beijing's 接诉即办 “三率”), null when it has none. Ties rank by more cases handled.
 */
export function kpiScore(m: Pick<KpiMeasures, 'responseRate' | 'resolutionRate' | 'satisfactionRate'>): number | null {
  const rates = [m.responseRate, m.resolutionRate, m.satisfactionRate].filter((r): r is number => r !== null)
  return rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0) / rates.length
}
