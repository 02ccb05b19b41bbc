/**
 * Checks a body of sensor messages (one, or an array of up to 5,000) message by message, so a refused
 * batch names each bad index and why. Shared by `POST /api/v1/sensors/events` and the MQTT intake,
 * whose topic may supply the sensor id.
 */
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { MAX_BATCH } from '../../domain/event.ts'
import { SensorMessage } from '../../domain/sensors.ts'
import type { ItemError } from '../../domain/validate-ingest.ts'
// Registers the `date-time` format the message's `at` uses.
import '../../domain/validate-ingest.ts'

const check = TypeCompiler.Compile(SensorMessage)
const MAX_ERRORS_PER_MESSAGE = 5

export type MessagesCheck = { ok: true; messages: SensorMessage[] } | { ok: false; message: string; details: ItemError[] }

/**
 * @example
 * checkSensorMessages({ state: 'heartbeat', at: '2025-03-01T10:00:00+08:00' }, 'SEN-510108001-00001')
 * // { ok: true, messages: [{ sensorId: 'SEN-510108001-00001', state: 'heartbeat', at: '…' }] }
 */
export function checkSensorMessages(body: unknown, topicSensorId?: string): MessagesCheck {
  const batch = Array.isArray(body) ? body : [body]
  if (batch.length === 0) return { ok: false, message: 'batch is empty', details: [] }
  if (batch.length > MAX_BATCH) return { ok: false, message: `batch has ${batch.length} messages; at most ${MAX_BATCH} are allowed`, details: [] }
  const details: ItemError[] = []
  const messages = batch.map((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      details.push({ index, path: '', message: 'message must be a JSON object' })
      return raw as SensorMessage
    }
    let m = raw as Record<string, unknown>
    if (topicSensorId !== undefined) {
      if (m['sensorId'] === undefined) m = { ...m, sensorId: topicSensorId }
      else if (m['sensorId'] !== topicSensorId) {
        details.push({ index, path: '/sensorId', message: `sensorId ${JSON.stringify(m['sensorId'])} differs from the topic's ${JSON.stringify(topicSensorId)}` })
        return m as SensorMessage
      }
    }
    if (!check.Check(m)) {
      const seen = new Set<string>()
      for (const e of check.Errors(m)) {
        if (seen.has(e.path)) continue
        seen.add(e.path)
        details.push({ index, path: e.path, message: e.path === '/state' ? 'state must be one of: alarm, normal, fault, heartbeat' : e.message })
        if (seen.size >= MAX_ERRORS_PER_MESSAGE) break
      }
    }
    return m as SensorMessage
  })
  if (details.length > 0) {
    const bad = new Set(details.map((d) => d.index)).size
    return { ok: false, message: `${bad} of ${batch.length} messages are invalid; nothing was stored`, details }
  }
  return { ok: true, messages }
}
