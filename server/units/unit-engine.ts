/**
 * The unit engine: the roster in memory (about 1,300 units), written through to the operations
 * database. Its statuses follow the cases they are on (the case engine calls `caseLink` inside each
 * action's transaction) and their position fixes (geofence arrival). What a unit's move means for its
 * case is done through the case engine's own `act`, as the unit (`unit:<id>`): a geofence arrival on
 * an accepted case, and a summoned department team's report (报到).
 */
import type { Case, CaseAction } from '../../domain/cases.ts'
import type { Unit, UnitKind, UnitPositionFix, UnitStatus } from '../../domain/units.ts'
import type { CaseEngine, CaseUnits } from '../cases/case-engine.ts'
import type { UnitRecord, UnitRepository } from './unit-repository.ts'
import { applyFix, movesForAction, withStatus } from './unit-transitions.ts'

export interface UnitQuery {
  status?: UnitStatus
  kind?: UnitKind
  street?: string
  department?: string
}

export interface FixesResult {
  /** Fixes applied (the rest were older than the unit's latest). */
  accepted: number
  stale: number
  /** Units whose status the fixes changed. */
  changed: Unit[]
}

export interface UnitEngine {
  /** By id. */
  list(q?: UnitQuery): Unit[]
  get(id: string): Unit | undefined
  /** Called after each committed change with the units as they now stand. */
  onChange(fn: (units: Unit[]) => void): () => void
  /** Position fixes, in order; every unitId must exist (the route checks). One transaction. */
  applyFixes(fixes: readonly UnitPositionFix[]): FixesResult
  /** Cleared units whose job ended at least `clearedForMs` ago become available; returns them. */
  releaseCleared(): Unit[]
  /** The port the case engine calls (`fastify.cases.linkUnits`). */
  caseLink: CaseUnits
}

export interface UnitEngineOptions {
  cases: Pick<CaseEngine, 'get' | 'act'>
  /** How long a unit stays `cleared` (back at base, writing up) before it is `available`. */
  clearedForMs: number
  now?: () => Date
  /** A follow-up on a case that failed (it does not undo the unit's move). */
  onError?: (err: unknown, context: Record<string, unknown>) => void
}

const teamKey = (department: string, street: string) => `${street}:${department}`

export function createUnitEngine(repo: UnitRepository, opts: UnitEngineOptions): UnitEngine {
  const now = opts.now ?? (() => new Date())
  const byId = new Map<string, UnitRecord>()
  const teams = new Map<string, string>()
  for (const r of repo.all()) {
    byId.set(r.unit.id, r)
    if (r.unit.department) teams.set(teamKey(r.unit.department, r.unit.home.street), r.unit.id)
  }
  const listeners = new Set<(units: Unit[]) => void>()

  /** After a commit: memory, listeners, then what the moves mean for their cases. Returns the units whose status changed. */
  function commit(records: readonly UnitRecord[]): Unit[] {
    if (records.length === 0) return []
    const moved = records.filter((r) => byId.get(r.unit.id)?.unit.status !== r.unit.status)
    for (const r of records) byId.set(r.unit.id, r)
    const units = records.map((r) => r.unit)
    for (const fn of listeners) fn(units)
    for (const r of moved) followUp(r.unit)
    return moved.map((r) => r.unit)
  }

  const act = (c: Case, action: CaseAction, u: Unit) => {
    try {
      const result = opts.cases.act(c.id, action, `unit:${u.id}`)
      if (!result.ok) opts.onError?.(new Error(result.reason), { caseId: c.id, unitId: u.id, action: action.action })
    } catch (err) {
      opts.onError?.(err, { caseId: c.id, unitId: u.id, action: action.action })
    }
  }

  /** A unit on scene of an accepted case moves the case on scene; a summoned team reports. */
  function followUp(u: Unit): void {
    if (!u.caseId || (u.status !== 'en_route' && u.status !== 'on_scene')) return
    const before = opts.cases.get(u.caseId)
    if (u.status === 'on_scene' && before?.status === 'accepted') act(before, { action: 'arrive' }, u)
    const c = opts.cases.get(u.caseId)
    const s = u.department ? (c?.summons ?? []).findLast((x) => x.department === u.department && !x.arrivedAt) : undefined
    if (!c || !s) return
    if (u.status === 'on_scene') act(c, { action: 'report', department: s.department, stage: 'arrive' }, u)
    else if (!s.acceptedAt) act(c, { action: 'report', department: s.department, stage: 'accept' }, u)
  }

  function save(records: readonly UnitRecord[]): void {
    repo.transaction(() => {
      for (const r of records) repo.save(r)
    })
  }

  return {
    list(q = {}) {
      const out: Unit[] = []
      for (const { unit: u } of byId.values()) {
        if (q.status && u.status !== q.status) continue
        if (q.kind && u.kind !== q.kind) continue
        if (q.street && u.home.street !== q.street) continue
        if (q.department && u.department !== q.department) continue
        out.push(u)
      }
      // Loaded in id order, and a Map keeps it: no sort needed.
      return out
    },
    get: (id) => byId.get(id)?.unit,
    onChange(fn) {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    applyFixes(fixes) {
      const at = now().toISOString()
      const staged = new Map<string, UnitRecord>()
      let stale = 0
      for (const fix of fixes) {
        const r = staged.get(fix.unitId) ?? byId.get(fix.unitId)
        if (!r) throw new Error(`no unit ${fix.unitId}`)
        const c = r.unit.caseId ? opts.cases.get(r.unit.caseId) : undefined
        const next = applyFix(r, fix, c, at)
        if (next) staged.set(fix.unitId, next)
        else stale += 1
      }
      const records = [...staged.values()]
      save(records)
      const changed = commit(records)
      return { accepted: fixes.length - stale, stale, changed }
    },
    releaseCleared() {
      const at = now()
      const due = [...byId.values()].filter((r) => r.unit.status === 'cleared' && Date.parse(r.unit.statusSince) + opts.clearedForMs <= at.getTime())
      const records = due.map((r) => withStatus(r, 'available', null, at.toISOString()))
      save(records)
      commit(records)
      return records.map((r) => r.unit)
    },
    caseLink: {
      get: (id) => byId.get(id)?.unit,
      teamOf: (department, street) => {
        const id = teams.get(teamKey(department, street))
        return id ? byId.get(id)?.unit : undefined
      },
      caseActed(prev, next, action, actor, at) {
        const records = movesForAction(prev, next, action, actor, (id) => byId.get(id), at)
        for (const r of records) repo.save(r)
        return () => {
          commit(records)
          // A unit that reached the scene before anyone accepted the case did not move it then (only an
          // accepted case goes on scene): its arrival counts once the case is accepted.
          if (action.action !== 'accept') return
          const there = (next.unitIds ?? []).map((id) => byId.get(id)?.unit).find((u) => u?.status === 'on_scene' && u.caseId === next.id)
          if (there) followUp(there)
        }
      },
    },
  }
}
