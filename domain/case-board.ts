/**
 * The open-case board a command post watches (`GET /api/v1/cases/board`): how many cases are open at
 * each tier, how many have missed their deadline, and the most urgent of them.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Case, CASE_TIERS, type CaseDeadlines, type CaseStatus } from './cases.ts'

export const CaseBoard = Type.Object({
  open: Type.Integer(),
  byTier: Type.Object(Object.fromEntries(CASE_TIERS.map((t) => [t, Type.Integer()]))),
  /** Open cases past the deadline their status is working towards. */
  overdue: Type.Integer(),
  /** Open cases moved up a tier at least once. */
  escalated: Type.Integer(),
  /** The most urgent first: overdue ones by how late, then the nearest deadline. */
  urgent: Type.Array(Type.Object({ case: Case, due: Type.String({ description: 'ISO-8601' }), dueKind: Type.Union([Type.Literal('accept'), Type.Literal('arrive'), Type.Literal('resolve')]) })),
  at: Type.String(),
})
export type CaseBoard = Static<typeof CaseBoard>

/** The three deadlines a case works towards in turn: 接单, then 到场, then 办结. */
export type DueKind = 'accept' | 'arrive' | 'resolve'

/** The field of `Case.deadlines` each kind reads. */
export const DUE_FIELD: Record<DueKind, keyof CaseDeadlines> = { accept: 'acceptBy', arrive: 'arriveBy', resolve: 'resolveBy' }

/** The deadline a case in this status is working towards: 接单, then 到场, then 办结. */
export function dueKindOf(status: CaseStatus): DueKind {
  if (status === 'accepted') return 'arrive'
  if (status === 'on_scene' || status === 'resolved') return 'resolve'
  return 'accept'
}

/**
 * The deadline a case in its status is working towards, and when it falls (ISO-8601).
 *
 * @example
 * dueOf({ status: 'accepted', deadlines: { acceptBy: '…T10:20Z', arriveBy: '…T10:50Z', resolveBy: '…' } })
 * // { kind: 'arrive', at: '…T10:50Z' }
 */
export function dueOf(c: { status: CaseStatus; deadlines: CaseDeadlines }): { kind: DueKind; at: string } {
  const kind = dueKindOf(c.status)
  return { kind, at: c.deadlines[DUE_FIELD[kind]] }
}
