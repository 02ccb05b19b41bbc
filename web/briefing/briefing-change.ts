/**
 * How a briefing sets a figure against the period before: counts by their percentage change, rates
 * by the difference in percentage points (a response rate going from 90 % to 93 % is "3 points",
 * not "3.3 %", which a leader would misread). Whether a rise is good news depends on the figure, so
 * each carries a polarity and the change a tone: more events is worse, a higher rate is better.
 */
import type { Compared } from '../../domain/briefing.ts'

/** up/down against the period before; `new` from nothing; `none` when there is nothing to compare. */
export type ChangeDirection = 'up' | 'down' | 'flat' | 'new' | 'none'
export type ChangeTone = 'worse' | 'better' | 'neutral'
/** Whether a rise is bad news (events, escalations), good news (rates, resolved cases), or neither. */
export type Polarity = 'up-worse' | 'up-better' | 'neutral'

export interface ChangeView {
  direction: ChangeDirection
  /** The size of the change without its sign (`12.5` for 12.5 % or 12.5 points), or null for flat/new/none. */
  value: string | null
  unit: 'percent' | 'points'
  tone: ChangeTone
}

/** A comparable rate: null where there was nothing to rate. */
export interface ComparedRate {
  now: number | null
  previous: number | null
}

function toneOf(direction: ChangeDirection, polarity: Polarity): ChangeTone {
  if (polarity === 'neutral') return 'neutral'
  const rise = direction === 'up' || direction === 'new'
  const fall = direction === 'down'
  if (!rise && !fall) return 'neutral'
  return rise === (polarity === 'up-worse') ? 'worse' : 'better'
}

/**
 * One decimal under 10, whole numbers above; never "0.0" for a change that is not nothing.
 *
 * @example
 * magnitude(12.46) // '12'
 * magnitude(3.14)  // '3.1'
 * magnitude(0.01)  // '<0.1'
 */
export function magnitude(x: number): string {
  const abs = Math.abs(x)
  if (abs < 0.05) return '<0.1'
  return abs < 10 ? abs.toFixed(1) : String(Math.round(abs))
}

/**
 * A count against the period before, as a percentage change.
 *
 * @example
 * countChange({ now: 120, previous: 100 })               // { direction: 'up', value: '20', unit: 'percent', tone: 'worse' }
 * countChange({ now: 5, previous: 0 })                   // { direction: 'new', value: null, … }
 * countChange({ now: 90, previous: 100 }, 'up-better')   // { direction: 'down', value: '10', tone: 'worse', … }
 */
export function countChange(c: Compared, polarity: Polarity = 'up-worse'): ChangeView {
  let direction: ChangeDirection
  let value: string | null = null
  if (c.now === c.previous) direction = 'flat'
  else if (c.previous === 0) direction = 'new'
  else {
    direction = c.now > c.previous ? 'up' : 'down'
    value = magnitude(((c.now - c.previous) / c.previous) * 100)
  }
  return { direction, value, unit: 'percent', tone: toneOf(direction, polarity) }
}

/**
 * A rate (0–1) against the period before, as a difference in percentage points; `none` when either
 * period had nothing to rate.
 *
 * @example
 * rateChange({ now: 0.934, previous: 0.912 }) // { direction: 'up', value: '2.2', unit: 'points', tone: 'better' }
 * rateChange({ now: 0.95, previous: null })   // { direction: 'none', value: null, … }
 */
export function rateChange(c: ComparedRate, polarity: Polarity = 'up-better'): ChangeView {
  if (c.now === null || c.previous === null) return { direction: 'none', value: null, unit: 'points', tone: 'neutral' }
  const points = (c.now - c.previous) * 100
  // Rates are shown to one decimal: a difference that rounds to nothing there reads as flat.
  if (Math.abs(points) < 0.05) return { direction: 'flat', value: null, unit: 'points', tone: 'neutral' }
  const direction: ChangeDirection = points > 0 ? 'up' : 'down'
  return { direction, value: magnitude(points), unit: 'points', tone: toneOf(direction, polarity) }
}

/**
 * A rate as a percentage with one decimal, or a dash.
 *
 * @example
 * formatRate(0.9344) // '93.4%'
 * formatRate(null)   // '—'
 */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`
}

/**
 * A count with thousands separators (the figures a leader reads aloud).
 *
 * @example
 * formatCount(12345) // '12,345'
 */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
