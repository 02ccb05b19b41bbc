/**
 * The KPIs as a service: the projection kept current from the case engine, reports on demand, and a
 * throttled "changed" signal that the stream (and any panel) share, so a burst of case actions costs
 * one recompute per interval, not one per action.
 */
import type Database from 'better-sqlite3'
import type { Case } from '../../domain/cases.ts'
import type { KpiPeriod, KpiReport } from '../../domain/kpi.ts'
import type { CaseChange } from '../cases/case-engine.ts'
import { dayStartMs, periodBounds, shanghaiDay } from './kpi-periods.ts'
import { KpiProjection } from './kpi-projection.ts'
import { buildKpiReport, buildKpiTables, type KpiAreas, type KpiTables } from './kpi-report.ts'

export interface KpiService {
  /** The period's report for the district, or for one street (its rows only). */
  report(period: KpiPeriod, street?: string): KpiReport
  /**
   * The same tables over any Beijing days, `startDay`…`endDay`: `complete` is false when they begin
   * before the oldest day the projection keeps (those days then count nothing).
   */
  days(startDay: number, endDay: number, street?: string): KpiTables & { complete: boolean }
  /**
   * Called at most every `streamMs` after cases changed a measure, with what changed: the streets
   * whose figures moved (the district's always move with them), or `all` when the Beijing day turned
   * (today's figures start again). Returns the unsubscribe.
   */
  onChange(fn: (changed: KpiChange) => void): () => void
  /** Feeds the engine's changes (the plugin subscribes this to `fastify.cases.onChange`). */
  consume(changes: readonly CaseChange[]): void
  /** Cases the projection holds (opened since the oldest day a period reaches). */
  projected(): number
  close(): void
}

export interface KpiChange {
  all: boolean
  /** Streets whose figures changed (a case outside every street changes only the district's). */
  streets: ReadonlySet<string>
}

export interface KpiServiceOptions {
  areas: KpiAreas
  streamMs: number
  now?: () => number
}

/**
 * Cases updated since the oldest day a period reaches: every case opened since then is among them,
 * as a case's `updatedAt` is never before its `openedAt`. Read in table order (`+updated_at` keeps
 * SQLite off the `cases_updated` index): nearly every row qualifies, and fetching them in index order
 * jumped about the file, a page read per case once the table outgrew the page cache.
 */
export function* casesForProjection(db: Database.Database, oldestDay: number): Generator<Case> {
  const since = new Date(dayStartMs(oldestDay)).toISOString()
  const stmt = db.prepare('SELECT doc FROM cases WHERE +updated_at >= ?').pluck()
  for (const doc of stmt.iterate(since) as IterableIterator<string>) yield JSON.parse(doc) as Case
}

export function createKpiService(load: (oldestDay: number) => Iterable<Case>, opts: KpiServiceOptions): KpiService {
  const now = opts.now ?? Date.now
  const projection = new KpiProjection(now)
  for (const c of load(projection.oldestDay)) projection.apply(c)

  const listeners = new Set<(changed: KpiChange) => void>()
  let dirty = false
  let dayTurned = false
  let streets = new Set<string>()
  let lastFired = 0
  let timer: NodeJS.Timeout | undefined
  let day = shanghaiDay(now())

  const fire = () => {
    timer = undefined
    const changed: KpiChange = { all: dayTurned, streets }
    dirty = false
    dayTurned = false
    streets = new Set()
    lastFired = now()
    day = shanghaiDay(lastFired)
    for (const fn of listeners) fn(changed)
  }
  const schedule = () => {
    if (timer || listeners.size === 0) return
    timer = setTimeout(fire, Math.max(0, lastFired + opts.streamMs - now()))
    timer.unref()
  }
  // Midnight empties today's figures though no case changed: a display must see that too.
  const dayWatch = setInterval(() => {
    if (shanghaiDay(now()) === day) return
    dayTurned = true
    schedule()
  }, Math.min(60_000, Math.max(1000, opts.streamMs)))
  dayWatch.unref()

  return {
    report(period, street) {
      const nowMs = now()
      const b = periodBounds(period, nowMs)
      return buildKpiReport({
        period, since: b.since, until: b.until, generatedAt: b.until, areas: opts.areas,
        tallies: projection.tallies(b.startDay, b.endDay), ...(street ? { street } : {}),
      })
    },
    days(startDay, endDay, street) {
      const tables = buildKpiTables({ areas: opts.areas, tallies: projection.tallies(startDay, endDay), ...(street ? { street } : {}) })
      return { ...tables, complete: startDay >= projection.oldestDay }
    },
    onChange(fn) {
      listeners.add(fn)
      if (dirty || dayTurned) schedule()
      return () => listeners.delete(fn)
    },
    consume(changes) {
      for (const ch of changes) {
        // An event joining a case changes no measure: it is skipped before any work.
        if (ch.kind === 'attached') continue
        if (!projection.apply(ch.case)) continue
        dirty = true
        if (ch.case.path.street) streets.add(ch.case.path.street)
      }
      if (dirty) schedule()
    },
    projected: () => projection.size,
    close() {
      clearTimeout(timer)
      clearInterval(dayWatch)
      listeners.clear()
    },
  }
}
