/**
 * What one case adds to the KPIs of the area and day it was opened in (domain/kpi.ts): the counts
 * every measure is a sum of. A report is then sums of these, so a case that changes is taken out
 * with its old contribution and put back with its new one.
 */
import type { Case } from '../../domain/cases.ts'
import { shanghaiDay } from './kpi-periods.ts'

/** Additive counts behind the measures of domain/kpi.ts; `handlingMs` is summed over resolved cases. */
export interface Tally {
  cases: number
  respondedOnTime: number
  responseSettled: number
  resolved: number
  handlingMs: number
  returnVisits: number
  satisfied: number
  escalations: number
  lateReports: number
}

export const TALLY_KEYS = ['cases', 'respondedOnTime', 'responseSettled', 'resolved', 'handlingMs', 'returnVisits', 'satisfied', 'escalations', 'lateReports'] as const

export const emptyTally = (): Tally => ({ cases: 0, respondedOnTime: 0, responseSettled: 0, resolved: 0, handlingMs: 0, returnVisits: 0, satisfied: 0, escalations: 0, lateReports: 0 })

/** `into += sign × t`. */
export function addTally(into: Tally, t: Tally, sign = 1): void {
  // Spelled out rather than looped over TALLY_KEYS: reports sum thousands of these.
  into.cases += sign * t.cases
  into.respondedOnTime += sign * t.respondedOnTime
  into.responseSettled += sign * t.responseSettled
  into.resolved += sign * t.resolved
  into.handlingMs += sign * t.handlingMs
  into.returnVisits += sign * t.returnVisits
  into.satisfied += sign * t.satisfied
  into.escalations += sign * t.escalations
  into.lateReports += sign * t.lateReports
}

export interface Contribution {
  /** The Beijing day the case was opened on (`shanghaiDay`). */
  day: number
  /** Inside the district (a case from a point outside it counts in no area). */
  inside: boolean
  street: string | null
  community: string | null
  tally: Tally
  /** One entry per department summoned by a whistle. */
  summons: Array<{ department: string; late: boolean }>
}

/**
 * @example
 * contributionOf({ …, openedAt: '2026-06-01T02:00:00Z', acceptedOnTime: true, resolution: { at: '2026-06-01T03:30:00Z', … } })
 * // { day: 20605, …, tally: { cases: 1, respondedOnTime: 1, resolved: 1, handlingMs: 5_400_000, … } }
 */
export function contributionOf(c: Case): Contribution {
  const opened = Date.parse(c.openedAt)
  const summons = (c.summons ?? []).map((s) => ({ department: s.department, late: s.late }))
  const visited = c.returnVisit !== undefined
  return {
    day: shanghaiDay(opened),
    inside: c.path.district !== null,
    street: c.path.street,
    community: c.path.community,
    tally: {
      cases: 1,
      respondedOnTime: c.acceptedOnTime === true ? 1 : 0,
      responseSettled: c.acceptedAt !== undefined || c.escalations > 0 ? 1 : 0,
      resolved: c.resolution ? 1 : 0,
      handlingMs: c.resolution ? Math.max(0, Date.parse(c.resolution.at) - opened) : 0,
      returnVisits: visited ? 1 : 0,
      satisfied: c.returnVisit === 'satisfied' || c.returnVisit === 'basically_satisfied' ? 1 : 0,
      escalations: c.escalations,
      lateReports: summons.filter((s) => s.late).length,
    },
    summons,
  }
}

/** Whether two contributions of one case count the same (most actions change no measure). */
export function sameContribution(a: Contribution, b: Contribution): boolean {
  if (a.day !== b.day || a.street !== b.street || a.community !== b.community || a.inside !== b.inside) return false
  if (TALLY_KEYS.some((k) => a.tally[k] !== b.tally[k])) return false
  return a.summons.length === b.summons.length && a.summons.every((s, i) => s.department === b.summons[i]!.department && s.late === b.summons[i]!.late)
}
