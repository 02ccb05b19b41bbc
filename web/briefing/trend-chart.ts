/**
 * The geometry of the briefing's trend chart, drawn as plain SVG (the app has no chart library, and
 * a dozen bars do not need one): this period's events as bars, the period before as a line over
 * them, a y axis with round steps. Buckets that have not begun yet (a day still running) get no
 * bar, so the afternoon does not read as a sudden drop to zero.
 */
import type { Compared } from '../../domain/briefing.ts'
import { formatDate, formatWeekday } from '../format/format-time.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'

export interface TrendBucket extends Compared {
  start: string
  label: string
}

export interface Box {
  width: number
  height: number
  top: number
  right: number
  bottom: number
  left: number
}

export interface TrendBar {
  x: number
  y: number
  width: number
  height: number
  label: string
  now: number
  previous: number
}

export interface TrendChart {
  /** Bars for the buckets begun by `until`; later ones are left out. */
  bars: TrendBar[]
  /** The period before, through each bucket's centre, as an SVG path. */
  previousPath: string
  previousPoints: { x: number; y: number }[]
  yTicks: { y: number; label: string }[]
  /** The bucket labels shown under the axis (thinned when there are many). */
  xLabels: { x: number; label: string }[]
  /** The plot's edges, for the axis lines. */
  plot: { left: number; right: number; top: number; bottom: number }
}

/**
 * A round top for the y axis and the step between its ticks, about `ticks` of them: steps are
 * 1, 2 or 5 times a power of ten, and never under 1 (these are counts).
 *
 * @example
 * niceScale(58)  // { top: 60, step: 20 }
 * niceScale(7)   // { top: 8, step: 2 }
 * niceScale(0)   // { top: 4, step: 1 }
 */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (!(max > 0)) return { top: ticks, step: 1 }
  const raw = max / ticks
  const power = 10 ** Math.floor(Math.log10(raw))
  const norm = raw / power
  const step = Math.max(1, (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * power)
  return { top: Math.ceil(max / step) * step, step }
}

/**
 * Every `n`-th label, so that at most `max` show (24 hours show every third, 00:00, 03:00, …).
 *
 * @example
 * labelEvery(24, 8) // 3
 * labelEvery(7, 8)  // 1
 */
export function labelEvery(count: number, max: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, max)))
}

/**
 * Lays the chart out in `box` (SVG user units). `until` is when the figures were taken: a bucket
 * starting after it has not begun. Pass null for a finished period.
 */
export function trendChart(buckets: readonly TrendBucket[], box: Box, until: string | null, maxLabels = 8): TrendChart {
  const plot = { left: box.left, right: box.width - box.right, top: box.top, bottom: box.height - box.bottom }
  const n = Math.max(1, buckets.length)
  const slot = (plot.right - plot.left) / n
  const cutoff = until === null ? Infinity : Date.parse(until)
  const begun = buckets.filter((b) => Date.parse(b.start) <= cutoff)
  const { top, step } = niceScale(Math.max(0, ...begun.map((b) => b.now), ...buckets.map((b) => b.previous)))
  const yOf = (v: number) => plot.bottom - (v / top) * (plot.bottom - plot.top)
  const xOf = (i: number) => plot.left + (i + 0.5) * slot
  const barWidth = Math.max(1, slot * 0.62)

  const bars: TrendBar[] = []
  buckets.forEach((b, i) => {
    if (Date.parse(b.start) > cutoff) return
    const y = yOf(b.now)
    bars.push({ x: xOf(i) - barWidth / 2, y, width: barWidth, height: plot.bottom - y, label: b.label, now: b.now, previous: b.previous })
  })
  const previousPoints = buckets.map((b, i) => ({ x: xOf(i), y: yOf(b.previous) }))
  const previousPath = previousPoints.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ')
  const yTicks: TrendChart['yTicks'] = []
  for (let v = 0; v <= top; v += step) yTicks.push({ y: yOf(v), label: String(v) })
  const every = labelEvery(buckets.length, maxLabels)
  const xLabels = buckets.flatMap((b, i) => (i % every === 0 ? [{ x: xOf(i), label: b.label }] : []))
  return { bars, previousPath, previousPoints, yTicks, xLabels, plot }
}

/**
 * A bucket's label in the locale. The server labels in Chinese (`08:00`, `12-07 周一`); an hour
 * reads the same in English, a day gets its English weekday.
 *
 * @example
 * bucketLabel({ start: '2026-12-06T16:00:00Z', label: '12-07 周一' }, 'day', 'en') // '12-07 Mon'
 */
export function bucketLabel(bucket: Pick<TrendBucket, 'start' | 'label'>, unit: 'hour' | 'day', locale: AppLocale): string {
  if (locale !== 'en' || unit === 'hour') return bucket.label
  return `${formatDate(bucket.start).slice(5)} ${formatWeekday(bucket.start, 'en').slice(0, 3)}`
}

function round(v: number): number {
  return Math.round(v * 10) / 10
}
