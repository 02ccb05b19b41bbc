/**
 * The sensor alarm lifecycle (DESIGN §2.2): `active` (unacknowledged) → `acknowledged` → `cleared`.
 * One open (not cleared) alarm per sensor and type: repeats update it; `normal` is recorded but does
 * not clear it (an operator does, after acknowledging it). Pure: the caller loads and saves.
 */
import type { Alarm } from '../../domain/sensors.ts'

/** What an alarm message brings: the stored event and the sensor's place at that time. */
export interface AlarmRaise {
  /** The id a new alarm gets (unused when one is open). */
  newId: string
  sensorId: string
  type: Alarm['type']
  eventId: string
  at: string
  street: string | null
  location: Alarm['location']
  buildingId: string | null
  siteId: string | null
}

/**
 * The alarm after an alarm message: the open one updated, or a new one when none is open.
 *
 * @example
 * raiseAlarm(null, { newId: 'AL-1', sensorId: 'SM-1', type: 'smoke', eventId: 'e1', at: T, … }).count // 1
 * raiseAlarm(open, { …, eventId: 'e2', at: T2 }) // { ...open, count: open.count + 1, lastAt: T2, lastEventId: 'e2', normalAt: null }
 */
export function raiseAlarm(open: Alarm | null, m: AlarmRaise): Alarm {
  if (open && open.status !== 'cleared') {
    // Messages can arrive out of order; lastAt is the latest alarm time seen, not the latest received.
    const later = Date.parse(m.at) >= Date.parse(open.lastAt)
    return {
      ...open,
      count: open.count + 1,
      lastAt: later ? m.at : open.lastAt,
      lastEventId: later ? m.eventId : open.lastEventId,
      normalAt: later ? null : open.normalAt,
    }
  }
  return {
    id: m.newId, sensorId: m.sensorId, type: m.type, status: 'active',
    street: m.street, location: m.location, buildingId: m.buildingId, siteId: m.siteId,
    eventId: m.eventId, lastEventId: m.eventId, raisedAt: m.at, lastAt: m.at, count: 1,
    normalAt: null, acknowledgedBy: null, acknowledgedAt: null, clearedBy: null, clearedAt: null,
  }
}

/** The open alarm after a `normal` message (recorded, not cleared); null when nothing is open or it is older than the alarm. */
export function recordNormal(open: Alarm | null, at: string): Alarm | null {
  if (!open || open.status === 'cleared') return null
  if (Date.parse(at) < Date.parse(open.lastAt)) return null
  return { ...open, normalAt: at }
}

export type Transition = { ok: true; alarm: Alarm } | { ok: false; reason: string }

/** An operator acknowledges an active alarm. */
export function acknowledgeAlarm(alarm: Alarm, who: string, at: string): Transition {
  if (alarm.status === 'acknowledged') return { ok: false, reason: `alarm ${alarm.id} was already acknowledged by ${alarm.acknowledgedBy} at ${alarm.acknowledgedAt}` }
  if (alarm.status === 'cleared') return { ok: false, reason: `alarm ${alarm.id} was cleared by ${alarm.clearedBy} at ${alarm.clearedAt}` }
  return { ok: true, alarm: { ...alarm, status: 'acknowledged', acknowledgedBy: who, acknowledgedAt: at } }
}

/** An operator clears an acknowledged alarm; an unacknowledged one must be acknowledged first, so no alarm is cleared unseen. */
export function clearAlarm(alarm: Alarm, who: string, at: string): Transition {
  if (alarm.status === 'active') return { ok: false, reason: `alarm ${alarm.id} is not acknowledged yet; acknowledge it before clearing` }
  if (alarm.status === 'cleared') return { ok: false, reason: `alarm ${alarm.id} was already cleared by ${alarm.clearedBy} at ${alarm.clearedAt}` }
  return { ok: true, alarm: { ...alarm, status: 'cleared', clearedBy: who, clearedAt: at } }
}
