/**
 * A producer over the public HTTP API, one method per door. A request that fails on the network or
 * with a 5xx or 429 is sent again unchanged: every door is idempotent by the producer's own id
 * (`sourceId`, `messageId`, `detectionId`, `reportId`, Open311's `Idempotency-Key`), so a retry can
 * never store an event twice.
 */
import type { DetectionMessage } from '../domain/cameras.ts'
import type { IngestItem, IngestReply } from '../domain/event.ts'
import type { IncidentReport } from '../domain/incidents.ts'
import type { SensorMessage } from '../domain/sensors.ts'

/** `POST /api/v1/sensors/events`' reply: heartbeats are counted, not stored. */
export type SensorReply = IngestReply & { heartbeats: number }
/** Open311's reply to a POST: one service request. */
export type Open311Reply = { service_request_id: string; service_notice: string | null; account_id: string | null }[]

export interface HttpProducer {
  /** `POST /api/v1/events`: any source, as a generic gateway sends it. */
  send(items: IngestItem[]): Promise<IngestReply>
  /**
   * `POST /api/v1/events` with a body already serialised (a JSON array of items): the load mode
   * serialises its batches before timing starts, so `JSON.stringify` is not what it measures.
   */
  sendEventsJson(body: string): Promise<IngestReply>
  /** Publishes one CAP 1.2 message to `POST /api/v1/cap`, retried like a batch. */
  sendCap(xml: string): Promise<unknown>
  /** `POST /api/v1/sensors/events`: a sensor platform's state messages. */
  sendSensorMessages(messages: SensorMessage[]): Promise<SensorReply>
  /** `POST /api/v1/detections`: a camera platform's detections. */
  sendDetections(messages: DetectionMessage[]): Promise<IngestReply>
  /** `POST /api/v1/incidents`: grid workers' reports. */
  sendIncidents(reports: IncidentReport[]): Promise<IngestReply>
  /**
   * `POST /open311/v2/requests.json` as a form, the way GeoReport v2 clients post; `idempotencyKey`
   * makes a retry return the same request. Array values are sent as repeated fields.
   */
  sendOpen311(form: Record<string, string | string[]>, idempotencyKey: string): Promise<Open311Reply>
}

export class IngestRefused extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(`ingest refused with ${status}: ${JSON.stringify(body)}`)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const retryable = (status: number) => status >= 500 || status === 429

/**
 * @example
 * const producer = createHttpProducer({ target: 'http://localhost:3000', apiKey: 'demo-producer-key' })
 * await producer.sendSensorMessages([{ sensorId: 'SEN-510108001-00001', state: 'alarm', at: new Date().toISOString() }])
 */
export function createHttpProducer(opts: { target: string; apiKey: string; retries?: number }): HttpProducer {
  const retries = opts.retries ?? 5

  async function post(path: string, contentType: string, body: string, ok: number, headers: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(path, opts.target).toString()
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, 'x-api-key': opts.apiKey, ...headers }, body })
        const reply: unknown = await res.json()
        if (res.status === ok) return reply
        if (!retryable(res.status) || attempt >= retries) throw new IngestRefused(res.status, reply)
      } catch (err) {
        if (err instanceof IngestRefused && !retryable(err.status)) throw err
        if (attempt >= retries) throw err
      }
      await sleep(Math.min(5000, 200 * 2 ** attempt))
    }
  }
  const json = (path: string, body: unknown) => post(path, 'application/json', JSON.stringify(body), 201)

  return {
    send: async (items) => (await json('/api/v1/events', items)) as IngestReply,
    sendEventsJson: async (body) => (await post('/api/v1/events', 'application/json', body, 201)) as IngestReply,
    sendCap: (xml) => post('/api/v1/cap', 'application/cap+xml', xml, 201),
    sendSensorMessages: async (messages) => (await json('/api/v1/sensors/events', messages)) as SensorReply,
    sendDetections: async (messages) => (await json('/api/v1/detections', messages)) as IngestReply,
    sendIncidents: async (reports) => (await json('/api/v1/incidents', reports)) as IngestReply,
    async sendOpen311(form, idempotencyKey) {
      const body = new URLSearchParams()
      body.append('api_key', opts.apiKey)
      for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
      const headers = { 'idempotency-key': idempotencyKey }
      return (await post('/open311/v2/requests.json', 'application/x-www-form-urlencoded', body.toString(), 200, headers)) as Open311Reply
    },
  }
}
