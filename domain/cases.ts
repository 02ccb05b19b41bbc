/**
 * Cases (工单, DESIGN §2.3): what the dispatch loop works on. An event that needs handling opens a
 * case; events about the same real incident join it. A case climbs the escalation ladder
 * (微网格 → 社区 → 街道) and moves through explicit states; every move is an audit entry.
 * Labels are Chinese first, English beside, as in taxonomy.ts.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LngLat, Path, Severity, Source } from './event.ts'

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)))

/** new → assigned → accepted → on_scene → resolved → closed, plus escalated and cancelled. */
export const CASE_STATUSES = ['new', 'assigned', 'accepted', 'on_scene', 'resolved', 'closed', 'escalated', 'cancelled'] as const
export const CaseStatus = literals(CASE_STATUSES)
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  new: { zh: '待派遣', en: 'New' },
  assigned: { zh: '已派遣', en: 'Assigned' },
  accepted: { zh: '已接单', en: 'Accepted' },
  on_scene: { zh: '已到场', en: 'On scene' },
  resolved: { zh: '已办结', en: 'Resolved' },
  closed: { zh: '已结案', en: 'Closed' },
  escalated: { zh: '已上报', en: 'Escalated' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
}

/** Statuses that take no more events and sit outside the open-case index. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['resolved', 'closed', 'cancelled']
export const isOpenStatus = (s: CaseStatus): boolean => !FINISHED_STATUSES.includes(s)

/** The escalation ladder, lowest first: 小事不出网格，大事不出社区，疑难问题再找街道. */
export const CASE_TIERS = ['microgrid', 'community', 'street'] as const
export const CaseTier = literals(CASE_TIERS)
export type CaseTier = (typeof CASE_TIERS)[number]

export const CASE_TIER_LABELS: Record<CaseTier, { zh: string; en: string }> = {
  microgrid: { zh: '微网格', en: 'Micro-grid' },
  community: { zh: '社区', en: 'Community' },
  street: { zh: '街道', en: 'Street' },
}

/** The departments a case may be routed to (DESIGN §2.3), by code. */
export const DEPARTMENTS = [
  'urban_management', 'police', 'fire', 'market_supervision', 'housing', 'gas', 'water', 'power', 'environment', 'civil_affairs',
] as const
export type Department = (typeof DEPARTMENTS)[number]

export const DEPARTMENT_LABELS: Record<Department, { zh: string; en: string }> = {
  urban_management: { zh: '城管执法', en: 'Urban management' },
  police: { zh: '公安', en: 'Police' },
  fire: { zh: '消防救援', en: 'Fire and rescue' },
  market_supervision: { zh: '市场监管', en: 'Market supervision' },
  housing: { zh: '住房建设', en: 'Housing' },
  gas: { zh: '燃气', en: 'Gas' },
  water: { zh: '水务', en: 'Water' },
  power: { zh: '供电', en: 'Power' },
  environment: { zh: '生态环境', en: 'Environment' },
  civil_affairs: { zh: '民政', en: 'Civil affairs' },
}

export const RETURN_VISIT_RESULTS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const
export const ReturnVisitResult = literals(RETURN_VISIT_RESULTS)
export type ReturnVisitResult = (typeof RETURN_VISIT_RESULTS)[number]

export const RETURN_VISIT_LABELS: Record<ReturnVisitResult, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
}

/** What a dispatcher does to a case through `POST /api/v1/cases/:id/actions`. */
export const CASE_ACTIONS = [
  'assign', 'dispatch', 'accept', 'arrive', 'resolve', 'close', 'escalate', 'cancel', 'return_visit', 'whistle', 'report',
] as const
export const CaseActionName = literals(CASE_ACTIONS)
export type CaseActionName = (typeof CASE_ACTIONS)[number]

export const CASE_ACTION_LABELS: Record<CaseActionName, { zh: string; en: string }> = {
  assign: { zh: '派遣', en: 'Assign' },
  dispatch: { zh: '调派力量', en: 'Dispatch a unit' },
  accept: { zh: '接单', en: 'Accept' },
  arrive: { zh: '到场', en: 'Arrive' },
  resolve: { zh: '办结', en: 'Resolve' },
  close: { zh: '结案', en: 'Close' },
  escalate: { zh: '上报', en: 'Escalate' },
  cancel: { zh: '撤销', en: 'Cancel' },
  return_visit: { zh: '回访', en: 'Return visit' },
  whistle: { zh: '吹哨', en: 'Whistle' },
  report: { zh: '报到', en: 'Report' },
}

/** Audit actions: the dispatcher's, plus what the engine does by itself (actor `system`). */
export const AUDIT_ACTIONS = [...CASE_ACTIONS, 'open', 'reroute', 'report_late'] as const
export const AuditActionName = literals(AUDIT_ACTIONS)
export type AuditActionName = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_ACTION_LABELS: Record<AuditActionName, { zh: string; en: string }> = {
  ...CASE_ACTION_LABELS,
  open: { zh: '立案', en: 'Open' },
  reroute: { zh: '改派层级', en: 'Re-route' },
  report_late: { zh: '报到超时', en: 'Report overdue' },
}

/** The actor the engine records for what it does by itself (opening, re-routing, SLA escalation, late reports). */
export const SYSTEM_ACTOR = 'system'

const When = Type.String({ description: 'ISO-8601' })

export const CaseDeadlines = Type.Object({
  /** 接单时限 */
  acceptBy: When,
  /** 到场时限 */
  arriveBy: When,
  /** 办结时限 */
  resolveBy: When,
})
export type CaseDeadlines = Static<typeof CaseDeadlines>

/** How long a department summoned by a street's whistle (吹哨) has to report (报到: accept and arrive). */
export const WHISTLE_REPORT_MIN = 30

/** One department summoned by a whistle, and how its report went. */
export const Summons = Type.Object({
  department: Type.String({ description: 'A DEPARTMENTS code' }),
  at: When,
  /** `at` + WHISTLE_REPORT_MIN. */
  dueBy: When,
  acceptedAt: Type.Optional(When),
  arrivedAt: Type.Optional(When),
  /** Arrived after `dueBy`, or still not arrived when it passed: flagged on the post, counted against the department. */
  late: Type.Boolean(),
})
export type Summons = Static<typeof Summons>

export const CaseResolution = Type.Object({ note: Type.String(), at: When, by: Type.String() })
export type CaseResolution = Static<typeof CaseResolution>

/**
 * A case carries the ids of its latest events only, at most this many; `eventCount` counts them all.
 * A sensor stuck in alarm keeps its case's correlation window open with a message every half minute
 * for as long as it lasts, and every `cases` frame about that case would otherwise carry every one.
 */
export const CASE_EVENT_IDS_MAX = 50

/** The latest `CASE_EVENT_IDS_MAX` of a case's event ids, oldest first, with `id` attached last. */
export function latestEventIds(ids: readonly string[], id?: string): string[] {
  return (id === undefined ? ids : [...ids, id]).slice(-CASE_EVENT_IDS_MAX)
}

export const Case = Type.Object({
  id: Type.String(),
  status: CaseStatus,
  tier: CaseTier,
  path: Path,
  location: LngLat,
  category: Type.String({ description: 'The opening event’s category' }),
  source: Source,
  severity: Severity,
  title: Type.String(),
  /** Its latest events' ids in attach order, at most CASE_EVENT_IDS_MAX (all of them while `eventCount` is no more). */
  eventIds: Type.Array(Type.String()),
  /** How many events are attached to it in all. */
  eventCount: Type.Integer({ minimum: 0 }),
  /** A DEPARTMENTS code, or null when no department is needed (the tier's own workers handle it). */
  department: Type.Union([Type.String(), Type.Null()]),
  openedAt: When,
  updatedAt: When,
  deadlines: CaseDeadlines,
  escalations: Type.Integer({ minimum: 0 }),
  /** When it was first accepted, and whether that was by the accept deadline then in force (响应, for the KPIs). */
  acceptedAt: Type.Optional(When),
  acceptedOnTime: Type.Optional(Type.Boolean()),
  resolution: Type.Optional(CaseResolution),
  returnVisit: Type.Optional(ReturnVisitResult),
  /** Units dispatched to it and not yet cleared (a unit is on one case at most). Absent in cases stored before units existed: read as []. */
  unitIds: Type.Optional(Type.Array(Type.String())),
  /** Departments summoned by a whistle (吹哨), street-tier cases only. */
  summons: Type.Optional(Type.Array(Summons)),
})
export type Case = Static<typeof Case>

/** `POST /api/v1/cases/:id/actions`. */
export const CaseAction = Type.Object(
  {
    action: CaseActionName,
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    /** `return_visit` only: the caller's verdict. */
    result: Type.Optional(ReturnVisitResult),
    /** `dispatch` (required) and `assign` (optional): the unit sent; it must be available or cleared. */
    unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** `whistle` only: the DEPARTMENTS codes summoned. */
    departments: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 10, uniqueItems: true })),
    /** `report` only: the summoned department reporting, and which step (接单 accept or 到场 arrive). */
    department: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    stage: Type.Optional(Type.Union([Type.Literal('accept'), Type.Literal('arrive')])),
  },
  { additionalProperties: false },
)
export type CaseAction = Static<typeof CaseAction>

/** One line of a case's audit log: who moved it from what to what, and when. */
export const CaseAuditEntry = Type.Object({
  caseId: Type.String(),
  action: AuditActionName,
  /** null when the case was opened. */
  from: Type.Union([CaseStatus, Type.Null()]),
  to: CaseStatus,
  actor: Type.String(),
  at: When,
  note: Type.Optional(Type.String()),
})
export type CaseAuditEntry = Static<typeof CaseAuditEntry>
