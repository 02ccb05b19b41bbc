/**
 * Units (处置力量, DESIGN §2.3): the people and teams a command post sends to cases. Each has a status
 * that follows its job, available → dispatched → en_route → on_scene → cleared, and a position that
 * moves while it is en route. A unit is on one case at most.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LngLat } from './event.ts'

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)))
const When = Type.String({ description: 'ISO-8601' })

/** 网格员 per grid, 社区工作者 per community, 应急小分队 per street, and each department's teams. */
export const UNIT_KINDS = ['grid_worker', 'community_worker', 'emergency_squad', 'department_team'] as const
export const UnitKind = literals(UNIT_KINDS)
export type UnitKind = (typeof UNIT_KINDS)[number]

export const UNIT_KIND_LABELS: Record<UnitKind, { zh: string; en: string }> = {
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  community_worker: { zh: '社区工作者', en: 'Community worker' },
  emergency_squad: { zh: '应急小分队', en: 'Emergency squad' },
  department_team: { zh: '部门力量', en: 'Department team' },
}

export const UNIT_STATUSES = ['available', 'dispatched', 'en_route', 'on_scene', 'cleared'] as const
export const UnitStatus = literals(UNIT_STATUSES)
export type UnitStatus = (typeof UNIT_STATUSES)[number]

export const UNIT_STATUS_LABELS: Record<UnitStatus, { zh: string; en: string }> = {
  available: { zh: '待命', en: 'Available' },
  dispatched: { zh: '已调派', en: 'Dispatched' },
  en_route: { zh: '在途', en: 'En route' },
  on_scene: { zh: '处置中', en: 'On scene' },
  cleared: { zh: '已完成', en: 'Cleared' },
}

/** Statuses in which a unit may be sent to a case. */
export const DISPATCHABLE_STATUSES: readonly UnitStatus[] = ['available', 'cleared']

export const Unit = Type.Object({
  id: Type.String(),
  kind: UnitKind,
  name: Type.String(),
  /** A DEPARTMENTS code for department teams; null for the hierarchy's own workers and squads. */
  department: Type.Union([Type.String(), Type.Null()]),
  /** Where it belongs: its street always, its community and grid where it has one. Scoping uses `street`. */
  home: Type.Object({
    street: Type.String(),
    community: Type.Union([Type.String(), Type.Null()]),
    grid: Type.Union([Type.String(), Type.Null()]),
  }),
  status: UnitStatus,
  location: LngLat,
  /** The case it is on, or null. */
  caseId: Type.Union([Type.String(), Type.Null()]),
  statusSince: When,
  updatedAt: When,
})
export type Unit = Static<typeof Unit>

/**
 * `POST /api/v1/units/positions` (producer key): position fixes from the units' devices (the field
 * app's GPS; the simulation in development). One fix or an array of up to 5,000.
 */
export const UnitPositionFix = Type.Object(
  {
    unitId: Type.String({ minLength: 1, maxLength: 64 }),
    location: LngLat,
    /** When the fix was taken, ISO-8601; absent: when it arrived. */
    at: Type.Optional(When),
  },
  { additionalProperties: false },
)
export type UnitPositionFix = Static<typeof UnitPositionFix>

/** An en-route unit reported within this distance of its case is on scene (到场 by geofence). */
export const ARRIVAL_RADIUS_M = 50
