/**
 * `UNITS_FILE`: a district's own roster (处置力量), the people and teams it really dispatches, for
 * production. A JSON array of `{id, kind, name, department?, home: {street, community?, grid?},
 * location: {lng, lat}}`; `location` is where the unit is at first (its office, its station). Every
 * entry is checked against the district before anything is used (`registry/roster-file.ts`).
 */
import { Type, type Static } from '@sinclair/typebox'
import { DEPARTMENTS } from '../../domain/cases.ts'
import { LngLat } from '../../domain/event.ts'
import { UnitKind } from '../../domain/units.ts'
import type { FullHierarchy } from '../../geo/index.ts'
import { readEntries, refuseProblems, repeatedIds } from '../registry/roster-file.ts'

export const RosterEntry = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }),
    kind: UnitKind,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    /** A DEPARTMENTS code: required for a department team, absent for everyone else. */
    department: Type.Optional(Type.String()),
    home: Type.Object({
      street: Type.String(),
      community: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      grid: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    }, { additionalProperties: false }),
    location: LngLat,
  },
  { additionalProperties: false },
)
export type RosterEntry = Static<typeof RosterEntry>

/** The problems of one entry against the district, none when it is sound. */
function problemsOf(e: RosterEntry, h: FullHierarchy, parents: Map<string, string | null>): string[] {
  const out: string[] = []
  const streets = new Set(h.streets.map((s) => s.properties.id))
  if (!streets.has(e.home.street)) out.push(`home.street '${e.home.street}' is not a street of the district`)
  const community = e.home.community ?? null
  const grid = e.home.grid ?? null
  if (community !== null && parents.get(community) !== e.home.street) out.push(`home.community '${community}' is not a community of street '${e.home.street}'`)
  if (grid !== null && (community === null || parents.get(grid) !== community)) out.push(`home.grid '${grid}' is not a grid of community '${community ?? '(none)'}'`)
  if (e.kind === 'department_team') {
    if (!e.department || !(DEPARTMENTS as readonly string[]).includes(e.department)) out.push(`a department_team needs department, one of ${DEPARTMENTS.join(', ')}`)
  } else if (e.department !== undefined) {
    out.push(`only a department_team has a department (this is a ${e.kind})`)
  }
  if (e.kind === 'grid_worker' && grid === null) out.push('a grid_worker needs home.grid')
  if (e.kind === 'community_worker' && community === null) out.push('a community_worker needs home.community')
  return out
}

/**
 * The roster in a file, checked; throws naming the file and every problem.
 *
 * @example
 * loadUnitsFile('/etc/gridwatch/units.json', hierarchy) // [{ id: 'GW-001', kind: 'grid_worker', … }, …]
 */
export function loadUnitsFile(file: string, h: FullHierarchy): RosterEntry[] {
  const entries = readEntries('UNITS_FILE', file, RosterEntry)
  const parents = new Map<string, string | null>()
  for (const f of [...h.communities, ...h.grids]) parents.set(f.properties.id, f.properties.parentId ?? null)
  const problems = repeatedIds(entries.map((e) => e.id))
  entries.forEach((e, i) => {
    for (const p of problemsOf(e, h, parents)) problems.push(`[${i}] ${e.id}: ${p}`)
  })
  refuseProblems('UNITS_FILE', file, problems)
  return entries
}
