/**
 * SLA escalation: a case that misses a deadline moves up one tier (DESIGN §2.3). Which deadline
 * applies depends on where the case stands: not yet accepted → accept; accepted but nobody there →
 * arrive; being handled → resolve. At the street there is no tier above, so nothing moves.
 */
import type { Case } from '../../domain/cases.ts'

export interface Overdue {
  deadline: 'acceptBy' | 'arriveBy' | 'resolveBy'
  /** For the audit note, which operators read: in Chinese. */
  reason: string
}

const MISSED: Record<Overdue['deadline'], string> = {
  acceptBy: '接单超时',
  arriveBy: '到场超时',
  resolveBy: '办结超时',
}

/**
 * The deadline the case has missed at `nowMs`, or undefined.
 * @example
 * overdue({ status: 'new', tier: 'microgrid', deadlines: { acceptBy: '…10:03Z', … } }, Date.parse('…10:05Z'))
 * // { deadline: 'acceptBy', reason: '接单超时' }
 */
export function overdue(c: Case, nowMs: number): Overdue | undefined {
  if (c.tier === 'street') return undefined
  const past = (d: Overdue['deadline']) => Date.parse(c.deadlines[d]) < nowMs
  const hit = (d: Overdue['deadline']): Overdue => ({ deadline: d, reason: MISSED[d] })
  switch (c.status) {
    case 'new':
    case 'assigned':
    case 'escalated':
      return past('acceptBy') ? hit('acceptBy') : undefined
    case 'accepted':
      if (past('arriveBy')) return hit('arriveBy')
      return past('resolveBy') ? hit('resolveBy') : undefined
    case 'on_scene':
      return past('resolveBy') ? hit('resolveBy') : undefined
    default:
      return undefined
  }
}
