/**
 * The range a replay request asks for, with its defaults filled in and its limits checked. The
 * query's schema already refuses what is not a timestamp; what only the pair can say (the order of
 * the ends, the width) is checked here, with a message that names the rule.
 */
import { REPLAY_DEFAULT_RANGE_MS, REPLAY_MAX_RANGE_MS } from '../../domain/replay.ts'
import { httpError } from '../http-error.ts'

export interface ReplayRange {
  from: Date
  until: Date
}

function instant(name: string, value: string): Date {
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) throw httpError(400, `${name} is not a valid date-time: ${value}`)
  return d
}

/**
 * Neither end given: the last 24 hours. `until` alone: the 24 hours before it. `from` alone: the
 * 24 hours after it (a day asked for by its start). Refuses, with a 400, an `until` not after `from`
 * and a range wider than 7 days.
 *
 * @example
 * replayRange({}, Date.parse('2026-11-29T12:00:00Z'))
 * // { from: 2026-11-28T12:00:00.000Z, until: 2026-11-29T12:00:00.000Z }
 * replayRange({ from: '2026-11-28T00:00:00+08:00' }, Date.now())
 * // { from: 2026-11-27T16:00:00.000Z, until: 2026-11-28T16:00:00.000Z }
 */
export function replayRange(q: { from?: string; until?: string }, nowMs: number): ReplayRange {
  const from = q.from === undefined ? undefined : instant('from', q.from)
  const until = q.until === undefined ? undefined : instant('until', q.until)
  const end = until ?? (from ? new Date(from.getTime() + REPLAY_DEFAULT_RANGE_MS) : new Date(nowMs))
  const start = from ?? new Date(end.getTime() - REPLAY_DEFAULT_RANGE_MS)
  if (end.getTime() <= start.getTime()) {
    throw httpError(400, `until (${end.toISOString()}) must be after from (${start.toISOString()})`)
  }
  if (end.getTime() - start.getTime() > REPLAY_MAX_RANGE_MS) {
    const days = REPLAY_MAX_RANGE_MS / 86_400_000
    throw httpError(400, `the range from ${start.toISOString()} to ${end.toISOString()} is longer than ${days} days; ask for at most ${days} days at a time`)
  }
  return { from: start, until: end }
}
