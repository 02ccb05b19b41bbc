/**
 * The time slider's scale: events per slice of the range (the bars behind the slider, so a busy
 * hour is visible before it is played) and labelled ticks on whole Chengdu hours.
 */
import { formatClock, formatDate } from '../format/format-time.ts'

/**
 * How many events fall in each of `bins` equal slices of `[from, until)`.
 *
 * @example
 * histogram(Float64Array.of(0, 1, 5, 9), 0, 10, 2) // Uint32Array [2, 2]
 */
export function histogram(at: ArrayLike<number>, from: number, until: number, bins: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, bins))
  const span = until - from
  if (bins <= 0 || !(span > 0)) return out
  for (let i = 0; i < at.length; i++) {
    const b = Math.floor(((at[i]! - from) / span) * bins)
    if (b >= 0 && b < bins) out[b]!++
  }
  return out
}

/** Chengdu is UTC+8 all year (no daylight saving), so its hours are UTC's shifted by a constant. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const TICK_STEPS_MIN = [15, 30, 60, 120, 180, 360, 720, 1440]

export interface Tick {
  at: number
  /** `HH:mm`, or `MM-DD` on a midnight, Chengdu time. */
  label: string
}

/**
 * Ticks on whole Chengdu quarter-hours, hours or days, the finest step that gives at most `maxTicks`.
 *
 * @example
 * timeTicks(Date.parse('2026-11-28T04:00:00Z'), Date.parse('2026-11-29T04:00:00Z'), 12).map((t) => t.label)
 * // ['12:00', '14:00', …, '22:00', '11-29', '02:00', …, '12:00']
 */
export function timeTicks(from: number, until: number, maxTicks = 12): Tick[] {
  if (!(until > from) || maxTicks < 1) return []
  const stepMin = TICK_STEPS_MIN.find((m) => (until - from) / (m * 60_000) <= maxTicks) ?? Math.ceil((until - from) / 86_400_000 / maxTicks) * 1440
  const step = stepMin * 60_000
  const ticks: Tick[] = []
  for (let t = Math.ceil((from + SHANGHAI_OFFSET_MS) / step) * step - SHANGHAI_OFFSET_MS; t <= until; t += step) {
    const clock = formatClock(t).slice(0, 5)
    ticks.push({ at: t, label: clock === '00:00' ? formatDate(t).slice(5) : clock })
  }
  return ticks
}
