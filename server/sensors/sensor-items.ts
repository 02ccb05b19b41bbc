/**
 * Sensor messages as ingest items, and the pipeline step that checks and completes every sensor item
 * against the registry, whichever door it came in by (`POST /api/v1/events`, `/api/v1/sensors/events`,
 * MQTT, the server's own offline events).
 */
import type { IngestItem, Severity } from '../../domain/event.ts'
import type { SensorEntry, SensorMessage } from '../../domain/sensors.ts'
import type { ItemError } from '../../domain/validate-ingest.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import type { SourceStep } from '../plugins/pipeline.ts'

type SensorItem = Extract<IngestItem, { source: 'sensor' }>
/** States that become events; `heartbeat` is liveness only on the sensor doors. */
export type EventState = 'alarm' | 'normal' | 'fault' | 'heartbeat' | 'offline' | 'online'

const STATE_ZH: Record<EventState, string> = {
  alarm: '报警', normal: '恢复正常', fault: '故障', heartbeat: '心跳', offline: '离线', online: '恢复在线',
}

/** Only an alarm is a fire (or a leak): the rest are shown as what they are. */
function severityOf(state: string, level: number | undefined): Severity | undefined {
  if (state === 'alarm') return level === 3 ? 'extreme' : undefined
  return 'minor'
}

function titleOf(sensor: SensorEntry, state: string): string {
  const zh = findCategory('sensor', sensor.type)?.zh ?? sensor.type
  return `${zh}${STATE_ZH[state as EventState] ?? state} · ${sensor.name}`.slice(0, 200)
}

/**
 * The event a non-heartbeat message becomes. Its `sourceId` is the platform's message id when it sends
 * one, else the sensor, state and instant, so a re-sent message is stored once.
 *
 * @example
 * messageToItem({ sensorId: 'SM-1', state: 'alarm', at: '2025-03-01T10:00:00+08:00', value: 0.3 }, sensor)
 * // { source: 'sensor', sourceId: 'SM-1/alarm/2025-03-01T02:00:00.000Z', category: 'smoke', attrs: { sensorId: 'SM-1', state: 'alarm', value: 0.3 }, … }
 */
export function messageToItem(m: Pick<SensorMessage, 'at' | 'messageId' | 'value' | 'level' | 'faultCode'> & { state: EventState }, sensor: SensorEntry): SensorItem {
  const at = new Date(m.at).toISOString()
  const severity = severityOf(m.state, m.level)
  return {
    source: 'sensor',
    sourceId: m.messageId ? `${sensor.id}/${m.messageId}` : `${sensor.id}/${m.state}/${at}`,
    category: sensor.type,
    occurredAt: m.at,
    location: { ...sensor.location },
    title: titleOf(sensor, m.state),
    ...(severity ? { severity } : {}),
    attrs: {
      sensorId: sensor.id,
      state: m.state,
      ...(m.value !== undefined ? { value: m.value } : {}),
      ...(m.level !== undefined ? { level: m.level } : {}),
      ...(m.faultCode !== undefined ? { faultCode: m.faultCode } : {}),
    },
  }
}

export interface SensorStepDeps {
  getSensor(id: string): SensorEntry | undefined
  /** The id of the open alarm of this sensor and type, if any. */
  openAlarmId(sensorId: string, type: string): string | undefined
  newAlarmId(): string
}

/**
 * The pipeline's step for `sensor` items: unknown sensors and categories that are not the sensor's type
 * refuse the batch; known ones get the registry's location (a fitted sensor does not move; its
 * platform's coordinates are often a gateway's), building, site, and for alarms the alarm they open
 * or repeat. Alarm ids handed out to batches still in flight are shared, so two batches that race for
 * one sensor's first alarm name the same alarm.
 */
export function createSensorStep(deps: SensorStepDeps): SourceStep {
  const pending = new Map<string, { id: string; refs: number }>()
  return (items, indexes) => {
    const errors: ItemError[] = []
    const held: string[] = []
    const out = items.map((item, k) => {
      const index = indexes[k] as number
      const attrs = (item.attrs ?? {}) as Record<string, unknown>
      const sensorId = String(attrs['sensorId'])
      const sensor = deps.getSensor(sensorId)
      if (!sensor) {
        errors.push({ index, path: '/attrs/sensorId', message: `unknown sensor ${JSON.stringify(sensorId)}; add it to the registry first (POST /api/v1/sensors)` })
        return item
      }
      if (item.category !== sensor.type) {
        errors.push({ index, path: '/category', message: `sensor ${sensor.id} is a ${sensor.type} sensor; category ${JSON.stringify(item.category)} does not match` })
        return item
      }
      const state = String(attrs['state'])
      const completed: Record<string, unknown> = {
        ...attrs,
        ...(sensor.buildingId && attrs['buildingId'] === undefined ? { buildingId: sensor.buildingId } : {}),
        ...(sensor.siteId && attrs['siteId'] === undefined ? { siteId: sensor.siteId } : {}),
      }
      if (state === 'alarm') {
        const key = `${sensor.id}\n${sensor.type}`
        let slot = pending.get(key)
        if (!slot) {
          slot = { id: deps.openAlarmId(sensor.id, sensor.type) ?? deps.newAlarmId(), refs: 0 }
          pending.set(key, slot)
        }
        if (!held.includes(key)) {
          slot.refs++
          held.push(key)
        }
        completed['alarmId'] = slot.id
      }
      const level = typeof attrs['level'] === 'number' ? attrs['level'] : undefined
      const severity = item.severity ?? severityOf(state, level)
      return {
        ...item,
        location: { ...sensor.location },
        title: item.title ?? titleOf(sensor, state),
        ...(severity ? { severity } : {}),
        attrs: completed,
      } as SensorItem
    })
    const settle = () => {
      for (const key of held) {
        const slot = pending.get(key)
        if (slot && --slot.refs <= 0) pending.delete(key)
      }
    }
    return { items: out, errors, settle }
  }
}
