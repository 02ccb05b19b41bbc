/**
 * A KPI report (domain/kpi.ts) from the projection's sums: one row for every street and community in
 * scope, those without cases included (their rates null), named from the hierarchy and ranked.
 */
import { DEPARTMENTS } from '../../domain/cases.ts'
import { kpiScore, type KpiMeasures, type KpiPeriod, type KpiReport, type KpiRow } from '../../domain/kpi.ts'
import { emptyTally, type Tally } from './case-contribution.ts'
import { DISTRICT_KEY, communityKey, splitDepartmentKey, streetKey, type KpiTallies } from './kpi-projection.ts'

export interface Area {
  id: string
  name: string
  parentId: string
}

export interface KpiAreas {
  streets: readonly Area[]
  communities: readonly Area[]
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d)

/** The measures of domain/kpi.ts from a tally; the mean handling time to a tenth of a minute. */
export function measuresOf(t: Tally): KpiMeasures {
  return {
    cases: t.cases,
    respondedOnTime: t.respondedOnTime,
    responseSettled: t.responseSettled,
    responseRate: rate(t.respondedOnTime, t.responseSettled),
    resolved: t.resolved,
    resolutionRate: rate(t.resolved, t.cases),
    returnVisits: t.returnVisits,
    satisfied: t.satisfied,
    satisfactionRate: rate(t.satisfied, t.returnVisits),
    avgHandlingMin: t.resolved === 0 ? null : Math.round(t.handlingMs / t.resolved / 6000) / 10,
    escalations: t.escalations,
    lateReports: t.lateReports,
  }
}

type Unranked = Omit<KpiRow, 'rank'>

/**
 * Ranks peers by `kpiScore`, best first; an area with no score comes last; a tie goes to the area
 * that handled more cases, then to the lower id (so a ranking is stable between frames).
 */
export function rankRows(rows: readonly Unranked[]): KpiRow[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.score !== b.score) {
      if (a.score === null) return 1
      if (b.score === null) return -1
      return b.score - a.score
    }
    return b.cases - a.cases || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
  return sorted.map((r, i) => ({ ...r, rank: i + 1 }))
}

function row(area: Area, level: KpiRow['level'], t: Tally | undefined): Unranked {
  const m = measuresOf(t ?? emptyTally())
  return { id: area.id, name: area.name, level, parentId: area.parentId, score: kpiScore(m), ...m }
}

export interface ReportInput {
  period: KpiPeriod
  since: string
  until: string
  generatedAt: string
  areas: KpiAreas
  tallies: KpiTallies
  /** A street user's street; absent for the whole district. */
  street?: string
}

/** A report's tables, without its period. */
export type KpiTables = Omit<KpiReport, 'period' | 'since' | 'until' | 'generatedAt'>

/** Streets come ranked (best first); communities by street, in the hierarchy's order, ranked within it. */
export function buildKpiReport(input: ReportInput): KpiReport {
  return { period: input.period, since: input.since, until: input.until, generatedAt: input.generatedAt, ...buildKpiTables(input) }
}

export function buildKpiTables(input: Pick<ReportInput, 'areas' | 'tallies' | 'street'>): KpiTables {
  const { areas, tallies, street } = input
  const streets = areas.streets.filter((s) => !street || s.id === street)
  const streetRows = rankRows(streets.map((s) => row(s, 'street', tallies.areas.get(streetKey(s.id)))))
  const communities = streets.flatMap((s) =>
    rankRows(areas.communities.filter((c) => c.parentId === s.id).map((c) => row(c, 'community', tallies.areas.get(communityKey(c.id))))))

  const departments = new Map<string, { summoned: number; late: number }>(DEPARTMENTS.map((d) => [d, { summoned: 0, late: 0 }]))
  for (const [key, t] of tallies.departments) {
    const { street: s, department } = splitDepartmentKey(key)
    if (street && s !== street) continue
    const sum = departments.get(department) ?? { summoned: 0, late: 0 }
    sum.summoned += t.summoned
    sum.late += t.late
    departments.set(department, sum)
  }

  return {
    total: measuresOf(tallies.areas.get(street ? streetKey(street) : DISTRICT_KEY) ?? emptyTally()),
    streets: streetRows,
    communities,
    departments: [...departments].map(([department, t]) => ({ department, ...t })),
  }
}
