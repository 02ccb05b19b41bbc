/**
 * A generic ingest item (what `normal-day` generates) as its real producer would send it, at that
 * producer's own door: a sensor item becomes a platform state message, a detection a camera
 * platform's message, an incident a grid worker's report, a hotline item an Open311 form.
 */
import type { Bbox } from '../domain/detection-frame.ts'
import type { IngestItem } from '../domain/event.ts'
import type { SensorMessage } from '../domain/sensors.ts'
import { createRandom } from '../geo/index.ts'
import { callerPhone, hotlineForm } from './hotline-form.ts'
import type { SimEvent } from './sim-event.ts'

/**
 * @example
 * itemToDoor({ source: 'sensor', sourceId: 'live1-s-3', category: 'smoke', attrs: { sensorId: 'SEN-510108001-00001', state: 'alarm' }, … }, 'normal-day', at)
 * // { door: 'sensor', id: 'live1-s-3', message: { sensorId: 'SEN-510108001-00001', state: 'alarm', at, messageId: 'live1-s-3' }, … }
 */
export function itemToDoor(item: IngestItem, step: string, dueAt: Date): SimEvent {
  const attrs = (item.attrs ?? {}) as Record<string, unknown>
  const base = { occurredAt: item.occurredAt, dueAt: dueAt.toISOString(), id: item.sourceId, step }
  const text = item.title ?? item.description ?? item.category
  switch (item.source) {
    case 'sensor': {
      const state = attrs.state as SensorMessage['state']
      const message: SensorMessage = {
        sensorId: String(attrs.sensorId), state, at: item.occurredAt, messageId: item.sourceId,
        // Level 3 is what the server maps to `extreme`; the rest keep the category's default.
        ...(state === 'alarm' && item.severity === 'extreme' ? { level: 3 } : {}),
      }
      return { ...base, door: 'sensor', message }
    }
    case 'detection':
      return {
        ...base, door: 'detection',
        message: {
          cameraId: String(attrs.cameraId), kind: item.category as 'dog_unleashed' | 'stray_dog', confidence: Number(attrs.confidence),
          at: item.occurredAt, bbox: attrs.bbox as Bbox, detectionId: item.sourceId,
          ...(typeof attrs.snapshotUrl === 'string' ? { snapshotUrl: attrs.snapshotUrl } : {}),
          ...(typeof attrs.clipUrl === 'string' ? { clipUrl: attrs.clipUrl } : {}),
        },
      }
    case 'incident':
      return {
        ...base, door: 'incident',
        report: {
          reportId: item.sourceId, category: item.category as never, ...(item.severity ? { severity: item.severity } : {}),
          ...(item.title ? { title: item.title } : {}), description: item.description ?? text,
          location: item.location, workerId: String(attrs.workerId ?? 'W0000001'), occurredAt: item.occurredAt,
        },
      }
    case 'hotline': {
      // Its own stream per item, so answering a call never shifts the generator's sequence.
      const rng = createRandom(`hotline-form:${item.sourceId}`)
      const form = hotlineForm({ serviceCode: item.category, lng: item.location.lng, lat: item.location.lat, description: text, at: item.occurredAt, phone: callerPhone(rng) }, rng)
      return { ...base, door: 'hotline', form }
    }
    default:
      throw new Error(`no producer door for source '${(item as { source: string }).source}'`)
  }
}
