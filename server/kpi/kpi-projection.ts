/**
 * The KPI projection: the cases' contributions summed per Beijing day and per area, kept in memory.
 *
 * Why not a table of one row per case queried with GROUP BY (the obvious design): a report would cost
 * a scan of every case opened in the period (100,000 for a busy month) at every request and every
 * stream tick, and each case action would add a second write beside the engine's. Here a report sums
 * at most ~38 days × the areas' tallies, whatever the number of cases (the bench: `KPI query`), and
 * a change costs a subtraction and an addition in memory. Nothing here needs to be durable: the
 * `cases` table is the record, and the projection is rebuilt from it at boot, reading only cases
 * updated since the oldest day a period reaches back to (`oldestPeriodDay`). What it holds is
 * bounded the same way: days (and cases) older than that are dropped as the calendar moves on.
 */
import type { Case } from '../../domain/cases.ts'
import { addTally, contributionOf, emptyTally, sameContribution, type Contribution, type Tally } from './case-contribution.ts'
import { oldestPeriodDay } from './kpi-periods.ts'

/** Area keys: the district (inside cases), a street, a community. */
export const DISTRICT_KEY = 'd'
export const streetKey = (id: string) => `s:${id}`
export const communityKey = (id: string) => `c:${id}`

export interface DepartmentTally {
  summoned: number
  late: number
}

interface DayBuckets {
  areas: Map<string, Tally>
  /** By `street \0 department` (street '' when the case has none). */
  departments: Map<string, DepartmentTally>
}

/** Sums over a range of days. */
export interface KpiTallies {
  areas: Map<string, Tally>
  departments: Map<string, DepartmentTally>
}

const departmentKey = (street: string | null, department: string) => `${street ?? ''}\u0000${department}`
export const splitDepartmentKey = (key: string): { street: string; department: string } => {
  const [street, department] = key.split('\u0000') as [string, string]
  return { street, department }
}

export class KpiProjection {
  private readonly byCase = new Map<string, Contribution>()
  private readonly days = new Map<number, DayBuckets>()
  private floorDay: number

  constructor(private readonly now: () => number = Date.now) {
    this.floorDay = oldestPeriodDay(now())
  }

  /** The oldest day kept; cases opened before it count in no period. */
  get oldestDay(): number {
    return this.floorDay
  }

  /** Cases currently projected. */
  get size(): number {
    return this.byCase.size
  }

  /** Takes a case as it now stands; true when any measure changed. */
  apply(c: Case): boolean {
    this.advance()
    const prev = this.byCase.get(c.id)
    const next = contributionOf(c)
    if (next.day < this.floorDay) return false
    if (prev && sameContribution(prev, next)) return false
    if (prev) this.add(prev, -1)
    this.add(next, 1)
    this.byCase.set(c.id, next)
    return true
  }

  /** Sums of the days `startDay`…`endDay` (inclusive). */
  tallies(startDay: number, endDay: number): KpiTallies {
    this.advance()
    const areas = new Map<string, Tally>()
    const departments = new Map<string, DepartmentTally>()
    for (let d = Math.max(startDay, this.floorDay); d <= endDay; d++) {
      const b = this.days.get(d)
      if (!b) continue
      for (const [k, t] of b.areas) {
        let sum = areas.get(k)
        if (!sum) areas.set(k, (sum = emptyTally()))
        addTally(sum, t)
      }
      for (const [k, t] of b.departments) {
        const sum = departments.get(k) ?? { summoned: 0, late: 0 }
        sum.summoned += t.summoned
        sum.late += t.late
        departments.set(k, sum)
      }
    }
    return { areas, departments }
  }

  private add(c: Contribution, sign: 1 | -1): void {
    let b = this.days.get(c.day)
    if (!b) this.days.set(c.day, (b = { areas: new Map(), departments: new Map() }))
    const keys = [c.inside ? DISTRICT_KEY : null, c.street ? streetKey(c.street) : null, c.community ? communityKey(c.community) : null]
    for (const k of keys) {
      if (k === null) continue
      let t = b.areas.get(k)
      if (!t) b.areas.set(k, (t = emptyTally()))
      addTally(t, c.tally, sign)
    }
    for (const s of c.summons) {
      const k = departmentKey(c.street, s.department)
      let t = b.departments.get(k)
      if (!t) b.departments.set(k, (t = { summoned: 0, late: 0 }))
      t.summoned += sign
      t.late += s.late ? sign : 0
    }
  }

  /** Drops what no period reaches any more, once the calendar has moved past it. */
  private advance(): void {
    const floor = oldestPeriodDay(this.now())
    if (floor <= this.floorDay) return
    this.floorDay = floor
    for (const d of this.days.keys()) if (d < floor) this.days.delete(d)
    for (const [id, c] of this.byCase) if (c.day < floor) this.byCase.delete(id)
  }
}
