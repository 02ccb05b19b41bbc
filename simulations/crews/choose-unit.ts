/**
 * Which unit a command post sends to a case: the tier's own people first (the micro-grid's grid
 * worker, the community's workers, the street's emergency squad), the nearest one that is free.
 */
import { distance } from '@turf/turf'
import type { Case } from '../../domain/cases.ts'
import type { LngLat } from '../../domain/event.ts'
import { DISPATCHABLE_STATUSES, type Unit, type UnitKind } from '../../domain/units.ts'

const KIND_FOR_TIER: Record<Case['tier'], UnitKind[]> = {
  microgrid: ['grid_worker', 'community_worker'],
  community: ['community_worker', 'grid_worker'],
  street: ['emergency_squad', 'community_worker'],
}

const metres = (a: LngLat, b: LngLat) => distance([a.lng, a.lat], [b.lng, b.lat], { units: 'meters' })

/**
 * @example
 * chooseUnit(gridCase, units) // the free grid worker of the case's grid, else the nearest free one in its community
 */
export function chooseUnit(c: Pick<Case, 'tier' | 'path' | 'location'>, units: readonly Unit[]): Unit | undefined {
  const free = units.filter((u) => DISPATCHABLE_STATUSES.includes(u.status) && u.home.street === c.path.street)
  for (const kind of KIND_FOR_TIER[c.tier]) {
    const candidates = free.filter((u) => u.kind === kind)
    // The worker of the case's own grid or community knows the place: preferred over a nearer neighbour.
    const own = candidates.filter((u) => (kind === 'grid_worker' ? u.home.grid === c.path.grid : u.home.community === c.path.community))
    const pool = own.length > 0 ? own : candidates
    if (pool.length === 0) continue
    return pool.reduce((best, u) => (metres(u.location, c.location) < metres(best.location, c.location) ? u : best))
  }
  return undefined
}
