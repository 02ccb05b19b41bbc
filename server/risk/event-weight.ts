/**
 * How much one event adds to its micro-grid's risk load (DESIGN §2.4: "weighted by category and
 * severity"). Severity doubles the weight a step; the source and category scale it by how directly
 * the event speaks of danger to people: a fire hazard or a sensor in alarm more than a dog off its
 * lead. Messages that report no danger (a sensor back to normal, a heartbeat) and area warnings (CAP,
 * drawn as areas of their own) add nothing.
 */
import type { Severity, StoredEvent } from '../../domain/event.ts'

const SEVERITY_WEIGHT: Record<Severity, number> = { minor: 1, moderate: 2, severe: 4, extreme: 8 }

/** Categories that threaten life or property directly, whatever their source. */
const DANGEROUS = new Set(['fire_hazard', 'smoke', 'heat', 'gas', 'electrical'])

/** What a sensor's state says of danger: only an alarm is one; a fault is a blind spot, a little. */
const SENSOR_STATE_FACTOR: Record<string, number> = { alarm: 1.5, fault: 0.25 }

const SOURCE_FACTOR: Record<StoredEvent['source'], number> = { incident: 1, hotline: 1, detection: 0.5, sensor: 1, cap: 0 }

export function eventWeight(e: Pick<StoredEvent, 'source' | 'category' | 'severity' | 'attrs'>): number {
  let factor = SOURCE_FACTOR[e.source]
  if (e.source === 'sensor') factor *= SENSOR_STATE_FACTOR[String(e.attrs['state'])] ?? 0
  if (factor === 0) return 0
  if (DANGEROUS.has(e.category)) factor *= 1.5
  return SEVERITY_WEIGHT[e.severity] * factor
}
