/**
 * The SLA countdown a case marker wears: how much of the time to the deadline its status is working
 * towards (接单, 到场, then 办结; domain/case-board.ts) is left, quantised to a few steps so the ring's
 * image changes only now and then, and its colour: calm while time is ample, amber in the last
 * quarter, red once the deadline has passed.
 */
import { dueOf, type DueKind } from '../../domain/case-board.ts'
import type { Case } from '../../domain/cases.ts'

export type SlaState = 'ok' | 'warn' | 'late'

/** Below this share of the window left, the ring turns amber. */
export const WARN_SHARE = 0.25
/** The ring is drawn in this many steps (an image per step and state). */
export const RING_STEPS = 12

export const SLA_COLORS: Record<SlaState, string> = {
  ok: '#7dffb2',
  warn: '#ffb020',
  late: '#ff3b47',
}

export interface SlaView {
  dueKind: DueKind
  /** Milliseconds to the deadline; negative once past. */
  leftMs: number
  /** Share of the window (opening → deadline) still left, 0–1. */
  share: number
  state: SlaState
  /** 0–RING_STEPS: how much of the ring is drawn (a late ring is drawn whole). */
  step: number
}

/**
 * Deadlines are counted from the opening (route-case.ts `deadlinesFrom`), so the window is
 * opening → deadline; an escalation that renews a deadline widens it, which reads as time regained.
 *
 * @example
 * slaView({ status: 'new', openedAt: '…T10:00Z', deadlines: { acceptBy: '…T10:20Z', … } }, Date.parse('…T10:15Z'))
 * // { dueKind: 'accept', leftMs: 300000, share: 0.25, state: 'warn', step: 3 }
 */
export function slaView(c: Pick<Case, 'status' | 'openedAt' | 'deadlines'>, now: number): SlaView {
  const { kind: dueKind, at } = dueOf(c)
  const due = Date.parse(at)
  const window = Math.max(1, due - Date.parse(c.openedAt))
  const leftMs = due - now
  const share = Math.min(1, Math.max(0, leftMs / window))
  const state: SlaState = leftMs < 0 ? 'late' : share <= WARN_SHARE ? 'warn' : 'ok'
  // Rounded up, so a ring shows a sliver until the very end rather than vanishing early.
  const step = state === 'late' ? RING_STEPS : Math.ceil(share * RING_STEPS)
  return { dueKind, leftMs, share, state, step }
}

/** The map image drawn for a state and step. */
export const ringImageId = (state: SlaState, step: number): string => `sla-ring-${state}-${step}`
