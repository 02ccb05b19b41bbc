/**
 * How units move (DESIGN §2.3: available → dispatched → en_route → on_scene → cleared). Pure: given a
 * unit's record and what happened (an action on its case, or a position fix), the record after it.
 * The unit engine writes and announces what these return.
 */
import { distance } from '@turf/turf'
import { isOpenStatus, type Case, type CaseAction, type CaseStatus } from '../../domain/cases.ts'
import type { LngLat } from '../../domain/event.ts'
import { ARRIVAL_RADIUS_M, type UnitPositionFix, type UnitStatus } from '../../domain/units.ts'
import type { UnitRecord } from './unit-repository.ts'

/** A dispatched unit seen this far from where it was sent has set off (en route), though nobody accepted yet. */
export const SET_OFF_M = 20
/** The case statuses in which somebody has taken the job: a dispatched unit that reaches the scene is on it. */
const TAKEN: readonly CaseStatus[] = ['accepted', 'on_scene']

export const metres = (a: LngLat, b: LngLat) => distance([a.lng, a.lat], [b.lng, b.lat], { units: 'meters' })

/** The record with a new status (and case), stamped `at`; where it is now is where a dispatch starts from. */
export function withStatus(r: UnitRecord, status: UnitStatus, caseId: string | null, at: string): UnitRecord {
  return {
    ...r,
    unit: { ...r.unit, status, caseId, statusSince: at, updatedAt: at },
    dispatchedFrom: status === 'dispatched' ? r.unit.location : status === 'cleared' || status === 'available' ? null : r.dispatchedFrom,
  }
}

/**
 * The units an action on a case moves: those it gained are dispatched, those it let go are cleared,
 * `accept` sets dispatched ones en route, `arrive` puts them on scene (only the arriving unit when a
 * unit's geofence did it, actor `unit:<id>`).
 * @example
 * movesForAction(assigned, accepted, { action: 'accept' }, 'district', get, now) // [the dispatched units, now en_route]
 */
export function movesForAction(
  prev: Case, next: Case, action: CaseAction, actor: string, get: (id: string) => UnitRecord | undefined, at: string,
): UnitRecord[] {
  const before = new Set(prev.unitIds ?? [])
  const after = new Set(next.unitIds ?? [])
  const out = new Map<string, UnitRecord>()
  const current = (id: string) => out.get(id) ?? get(id)
  const move = (r: UnitRecord, status: UnitStatus, caseId: string | null) => {
    if (r.unit.status !== status || r.unit.caseId !== caseId) out.set(r.unit.id, withStatus(r, status, caseId, at))
  }
  for (const id of after) {
    const r = get(id)
    if (r && !before.has(id)) move(r, 'dispatched', next.id)
  }
  for (const id of before) {
    const r = get(id)
    if (r && !after.has(id) && r.unit.caseId === prev.id) move(r, 'cleared', null)
  }
  const onCase = [...after].flatMap((id) => current(id) ?? [])
  if (action.action === 'accept') {
    for (const r of onCase) if (r.unit.status === 'dispatched') move(r, 'en_route', next.id)
  }
  if (action.action === 'arrive') {
    const only = actor.startsWith('unit:') ? actor.slice('unit:'.length) : undefined
    for (const r of onCase) {
      if ((only === undefined || r.unit.id === only) && (r.unit.status === 'dispatched' || r.unit.status === 'en_route')) move(r, 'on_scene', next.id)
    }
  }
  return [...out.values()]
}

/**
 * The record after a position fix, or undefined for a fix older than the latest one (it arrived late).
 * On a job, moving more than SET_OFF_M from where it was sent means en route; within ARRIVAL_RADIUS_M
 * of the case, once en route or once the case is taken, means on scene.
 * @example
 * applyFix(dispatched, { unitId, location: 30 m from the case }, acceptedCase, now) // { unit: { status: 'on_scene', … } }
 */
export function applyFix(r: UnitRecord, fix: UnitPositionFix, c: Case | undefined, at: string): UnitRecord | undefined {
  const fixAt = fix.at ? new Date(fix.at).toISOString() : at
  if (r.fixAt && Date.parse(fixAt) < Date.parse(r.fixAt)) return undefined
  const location = { lng: fix.location.lng, lat: fix.location.lat }
  let next: UnitRecord = { ...r, unit: { ...r.unit, location, updatedAt: at }, fixAt }
  if (!c || r.unit.caseId !== c.id || !isOpenStatus(c.status)) return next
  if (next.unit.status === 'dispatched' && r.dispatchedFrom && metres(location, r.dispatchedFrom) > SET_OFF_M) {
    next = withStatus(next, 'en_route', c.id, at)
  }
  const s = next.unit.status
  if ((s === 'dispatched' || s === 'en_route') && (s === 'en_route' || TAKEN.includes(c.status)) && metres(location, c.location) <= ARRIVAL_RADIUS_M) {
    next = withStatus(next, 'on_scene', c.id, at)
  }
  return next
}
