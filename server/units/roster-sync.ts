/**
 * Brings the stored roster in line with the district's roster file at boot (`UNITS_FILE`). Units new
 * to the file join, available, where the file places them. Units still listed keep what the running
 * system knows of them (status, position, case) and take the file's name, kind, department and home.
 * Units no longer listed leave, unless they are on a case: pulling a crew off a job is an operator's
 * decision, so those stay until a later boot finds them free, and the caller is told which.
 */
import type { Unit } from '../../domain/units.ts'
import type { UnitRepository } from './unit-repository.ts'
import type { RosterEntry } from './units-file.ts'

export interface RosterSync {
  added: number
  updated: number
  removed: number
  /** Units no longer in the file that are still on a case, kept for now. */
  kept: string[]
}

const identity = (u: Pick<Unit, 'kind' | 'name' | 'department' | 'home'>) => JSON.stringify([u.kind, u.name, u.department, u.home])

/** Call inside the repository's transaction, so a failed boot changes nothing. */
export function syncRoster(repo: UnitRepository, entries: readonly RosterEntry[], at: string): RosterSync {
  const stored = new Map(repo.all().map((r) => [r.unit.id, r]))
  const out: RosterSync = { added: 0, updated: 0, removed: 0, kept: [] }
  for (const e of entries) {
    const listed: Pick<Unit, 'kind' | 'name' | 'department' | 'home'> = {
      kind: e.kind,
      name: e.name,
      department: e.department ?? null,
      home: { street: e.home.street, community: e.home.community ?? null, grid: e.home.grid ?? null },
    }
    const prior = stored.get(e.id)
    stored.delete(e.id)
    if (!prior) {
      repo.save({ unit: { id: e.id, ...listed, status: 'available', location: e.location, caseId: null, statusSince: at, updatedAt: at }, dispatchedFrom: null, fixAt: null })
      out.added++
    } else if (identity(prior.unit) !== identity(listed)) {
      repo.save({ ...prior, unit: { ...prior.unit, ...listed, updatedAt: at } })
      out.updated++
    }
  }
  for (const [id, r] of stored) {
    if (r.unit.caseId !== null) {
      out.kept.push(id)
      continue
    }
    repo.remove(id)
    out.removed++
  }
  return out
}
