/**
 * What the simulation sends, as the real producer would send it, addressed to the door that producer
 * uses: 12345 calls as Open311 forms, sensor platforms' state messages, camera platforms' detections,
 * grid workers' reports, the weather bureau's CAP XML. Plain data, so two runs can be compared.
 */
import type { DetectionMessage } from '../domain/cameras.ts'
import type { IncidentReport } from '../domain/incidents.ts'
import type { SensorMessage } from '../domain/sensors.ts'

interface Base {
  /** Simulated time it happens (ISO, UTC): the time the clock plays it at. */
  occurredAt: string
  /**
   * Simulated time the producer sends it (ISO): the clock plays events in this order. The same as
   * `occurredAt`, or a little later for reports that reach the producer after the fact.
   */
  dueAt: string
  /** The producer's idempotency key for it (messageId, detectionId, reportId, Idempotency-Key, CAP identifier). */
  id: string
  /** The step of the scenario that made it (`highrise-fire/smoke-first` …), for summaries and tests. */
  step: string
}

/** An Open311 `POST /open311/v2/requests.json` form: `service_code`, `lat`, `long`, `attribute[x]`, … */
export interface HotlineSend extends Base {
  door: 'hotline'
  form: Record<string, string | string[]>
}
export interface SensorSend extends Base {
  door: 'sensor'
  message: SensorMessage
}
export interface DetectionSend extends Base {
  door: 'detection'
  message: DetectionMessage
}
export interface IncidentSend extends Base {
  door: 'incident'
  report: IncidentReport
}
export interface CapSend extends Base {
  door: 'cap'
  xml: string
}

export type SimEvent = HotlineSend | SensorSend | DetectionSend | IncidentSend | CapSend
export type Door = SimEvent['door']
export const DOORS: readonly Door[] = ['hotline', 'sensor', 'detection', 'incident', 'cap']
