/**
 * Which stored events open a case (工单). Rules are plain data, so a deployment can replace the table
 * without code: the first rule that matches decides, and an event no rule matches opens nothing.
 */
import { SEVERITIES, type Severity, type Source, type StoredEvent } from '../../domain/event.ts'

export interface OpenRule {
  /** A source, or `*` for any. */
  source: Source | '*'
  /** Only these categories; absent: any. */
  categories?: readonly string[]
  /** Only events whose `attrs[key]` is one of the listed values (e.g. `{ state: ['alarm'] }`). */
  attrs?: Readonly<Record<string, readonly unknown[]>>
  /** Only events at least this severe. */
  minSeverity?: Severity
  open: boolean
  /** Why, for logs and the rule table's readers. */
  reason: string
}

/**
 * The default table. A sensor alarm always opens a case; its other states are device life, not
 * incidents (an offline sensor is a maintenance matter for the sensor platform, not a dispatch).
 * A detection the server judged below its confidence threshold (`alerting: false`) opens nothing.
 * CAP warnings are drawn as areas; they inform, they are not handled as cases.
 */
export const DEFAULT_OPEN_RULES: readonly OpenRule[] = [
  { source: 'cap', open: false, reason: 'public warnings are shown, not dispatched' },
  { source: 'sensor', attrs: { state: ['alarm'] }, open: true, reason: 'a sensor alarm always needs handling' },
  { source: 'sensor', open: false, reason: 'fault, normal, heartbeat, offline and online are device states' },
  { source: 'detection', attrs: { alerting: [false] }, open: false, reason: 'below the camera confidence threshold' },
  { source: 'detection', open: true, reason: 'an alerting AI detection' },
  { source: 'hotline', open: true, reason: 'every 12345 request is handled (接诉即办)' },
  { source: 'incident', open: true, reason: 'a grid worker’s report' },
]

const rank = (s: Severity) => SEVERITIES.indexOf(s)

function matches(rule: OpenRule, e: StoredEvent): boolean {
  if (rule.source !== '*' && rule.source !== e.source) return false
  if (rule.categories && !rule.categories.includes(e.category)) return false
  if (rule.minSeverity && rank(e.severity) < rank(rule.minSeverity)) return false
  if (rule.attrs) {
    for (const [key, values] of Object.entries(rule.attrs)) {
      if (!values.includes(e.attrs[key])) return false
    }
  }
  return true
}

/**
 * The first matching rule, or undefined when none does (which opens nothing).
 * @example
 * decideOpen({ source: 'sensor', attrs: { state: 'alarm' }, … }) // { open: true, reason: 'a sensor alarm always needs handling', … }
 */
export function decideOpen(e: StoredEvent, rules: readonly OpenRule[] = DEFAULT_OPEN_RULES): OpenRule | undefined {
  return rules.find((r) => matches(r, e))
}

/** Whether the event should open (or join) a case. */
export const shouldOpen = (e: StoredEvent, rules: readonly OpenRule[] = DEFAULT_OPEN_RULES): boolean =>
  decideOpen(e, rules)?.open ?? false
