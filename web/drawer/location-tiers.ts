/** The five-tier path of an event as names, for the drawer's location line. */
import type { Path } from '../../domain/event.ts'
import { LEVELS, type Level } from '../../domain/geo.ts'
import type { LowerLevel } from '../map/hierarchy.ts'

export interface TierName {
  level: Level
  id: string
  /** Null while that tier's boundaries are not loaded yet (the id is shown meanwhile). */
  name: string | null
}

/**
 * The tiers the event falls in, district first; tiers it has no id for are left out.
 *
 * @example
 * locationTiers({ district: '510108', street: '510108001', community: null, grid: null, microgrid: null }, names.get)
 * // [{ level: 'district', id: '510108', name: '成华区' }, { level: 'street', id: '510108001', name: '猛追湾街道' }]
 */
export function locationTiers(path: Path, nameOf: (id: string) => string | undefined): TierName[] {
  const out: TierName[] = []
  for (const level of LEVELS) {
    const id = path[level]
    if (id) out.push({ level, id, name: nameOf(id) ?? null })
  }
  return out
}

/** The lower tiers whose names are still missing (to fetch them), from community down. */
export function missingTiers(tiers: readonly TierName[]): LowerLevel[] {
  const out: LowerLevel[] = []
  for (const t of tiers) if (t.name === null && t.level !== 'district' && t.level !== 'street') out.push(t.level)
  return out
}
