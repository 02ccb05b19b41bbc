/**
 * How the simulated crews handle one case: after what delays the street command post dispatches a
 * unit, the unit accepts, works on scene and resolves, and what the caller says at the return visit.
 * Drawn from the case id with a seeded stream, so a case is handled the same way every run. The
 * delays are a demo's: minutes, not the hours a real backlog takes, so a wall shows the whole loop.
 */
import type { Case, ReturnVisitResult } from '../../domain/cases.ts'
import type { UnitKind } from '../../domain/units.ts'
import { createRandom } from '../../geo/index.ts'

export interface CasePlan {
  /** From the case's opening to the dispatch. */
  dispatchAfterMs: number
  /** From the dispatch to the unit's acceptance (it sets off then). */
  acceptAfterMs: number
  /** Time on scene before the resolution. */
  handleMs: number
  /** From the resolution to the 12345 return visit, and the close after it. */
  returnVisitAfterMs: number
  returnVisit: ReturnVisitResult
  /**
   * A crew that lets the case sit: nothing is dispatched until after it has been escalated, so the
   * wall shows the SLA ladder working as it does on a real bad day.
   */
  neglected: boolean
}

/** The share of cases left to sit until the SLA sweep escalates them. */
export const NEGLECTED_SHARE = 0.08

/** Travel speed in m/s: grid and community workers on e-bikes, squads and departments by car in town. */
export const UNIT_SPEED_MPS: Record<UnitKind, number> = {
  grid_worker: 4,
  community_worker: 4,
  emergency_squad: 9,
  department_team: 9,
}

const RETURN_VISITS: { value: ReturnVisitResult; weight: number }[] = [
  { value: 'satisfied', weight: 78 },
  { value: 'basically_satisfied', weight: 16 },
  { value: 'dissatisfied', weight: 6 },
]

/**
 * @example
 * planCase(c, 'gridwatch') // { dispatchAfterMs: 41_000, acceptAfterMs: 22_000, handleMs: 190_000, …, neglected: false }
 */
export function planCase(c: Pick<Case, 'id' | 'severity'>, seed: string): CasePlan {
  const rnd = createRandom(`${seed}:crew:${c.id}`)
  const urgent = c.severity === 'extreme' || c.severity === 'severe'
  return {
    dispatchAfterMs: rnd.int(urgent ? 5 : 20, urgent ? 30 : 120) * 1000,
    acceptAfterMs: rnd.int(5, urgent ? 20 : 60) * 1000,
    handleMs: rnd.int(60, urgent ? 600 : 360) * 1000,
    returnVisitAfterMs: rnd.int(30, 180) * 1000,
    returnVisit: rnd.weighted(RETURN_VISITS),
    neglected: !urgent && rnd.next() < NEGLECTED_SHARE,
  }
}
