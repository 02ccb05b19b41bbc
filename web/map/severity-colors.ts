/**
 * The severity palette, shared by the map, the feed chips and the counters so a colour means the
 * same thing everywhere. It follows the Chinese emergency convention: red, orange, yellow, blue
 * for 特别重大, 重大, 较大, 一般.
 */
import { SEVERITIES, type Severity } from '../../domain/event.ts'

export const SEVERITY_COLORS: Record<Severity, string> = {
  extreme: '#ff3b47',
  severe: '#ff8c1a',
  moderate: '#ffd43b',
  minor: '#3ab8ff',
}

/** Most severe first, the order the wall lists them in. */
export const SEVERITIES_DESC: readonly Severity[] = [...SEVERITIES].reverse()

/** 0 for minor up to 3 for extreme. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity)
}
