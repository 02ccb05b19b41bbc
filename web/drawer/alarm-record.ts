/**
 * Sensor alarms as `/api/v1/alarms` returns them (the sensors' contract), read tolerantly: the list
 * may come bare or wrapped as `{ alarms }`, an action's reply as the alarm or `{ alarm }`.
 */
import { text, type Attrs } from './read-attrs.ts'

export const ALARM_STATUSES = ['active', 'acknowledged', 'cleared'] as const
export type AlarmStatus = (typeof ALARM_STATUSES)[number]

export interface AlarmRecord {
  id: string
  sensorId: string | null
  type: string | null
  status: AlarmStatus
  eventId: string | null
  raisedAt: string | null
  lastAt: string | null
  repeats: number | null
  acknowledgedBy: string | null
  acknowledgedAt: string | null
  clearedBy: string | null
  clearedAt: string | null
  returnedToNormalAt: string | null
}

const isRecord = (v: unknown): v is Attrs => typeof v === 'object' && v !== null && !Array.isArray(v)

function toAlarm(v: unknown): AlarmRecord | null {
  if (!isRecord(v)) return null
  const id = text(v, 'id')
  const status = text(v, 'status')
  if (!id || !(ALARM_STATUSES as readonly string[]).includes(status ?? '')) return null
  return {
    id,
    sensorId: text(v, 'sensorId'),
    type: text(v, 'type'),
    status: status as AlarmStatus,
    eventId: text(v, 'eventId'),
    raisedAt: text(v, 'raisedAt'),
    lastAt: text(v, 'lastAt'),
    repeats: typeof v['count'] === 'number' ? v['count'] : null,
    acknowledgedBy: text(v, 'acknowledgedBy'),
    acknowledgedAt: text(v, 'acknowledgedAt'),
    clearedBy: text(v, 'clearedBy'),
    clearedAt: text(v, 'clearedAt'),
    returnedToNormalAt: text(v, 'normalAt'),
  }
}

/** The alarms in a list reply; entries that are not alarms are skipped. */
export function alarmsFromReply(body: unknown): AlarmRecord[] {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body['alarms']) ? body['alarms'] : []
  return list.map(toAlarm).filter((a): a is AlarmRecord => a !== null)
}

/** The alarm in an ack/clear reply, or null when the reply does not carry one. */
export function alarmFromReply(body: unknown): AlarmRecord | null {
  return toAlarm(isRecord(body) && isRecord(body['alarm']) ? body['alarm'] : body)
}

/**
 * The alarm an event belongs to: by the event's `alarmId`, else the one it raised (`eventId`), else
 * the sensor's newest alarm of that type.
 *
 * @example
 * findAlarm(alarms, { alarmId: 'al-7', eventId: 'e1', sensorId: 'SM-1', type: 'smoke' })?.id // 'al-7'
 */
export function findAlarm(
  alarms: readonly AlarmRecord[],
  key: { alarmId: string | null; eventId: string; sensorId: string | null; type: string },
): AlarmRecord | null {
  if (key.alarmId) return alarms.find((a) => a.id === key.alarmId) ?? null
  const raised = alarms.find((a) => a.eventId === key.eventId)
  if (raised) return raised
  if (!key.sensorId) return null
  const theirs = alarms.filter((a) => a.sensorId === key.sensorId && (a.type === null || a.type === key.type))
  return theirs.sort((a, b) => (b.raisedAt ?? '').localeCompare(a.raisedAt ?? ''))[0] ?? null
}
