/**
 * A sensor's registry entry (`GET /api/v1/sensors/:id`: placement, building, last seen, online),
 * for the drawer's sensor section. The event's own attrs are shown meanwhile, and if the registry
 * does not answer (an older server, a sensor since removed) they are all there is.
 */
import { num, text, type Attrs } from '../drawer/read-attrs.ts'
import { useRegistryEntry } from './use-registry-entry.ts'

export interface SensorEntry {
  placement: string | null
  buildingId: string | null
  compoundId: string | null
  lastSeenAt: string | null
  online: boolean | null
  heartbeatSeconds: number | null
}

function toEntry(body: unknown): SensorEntry | null {
  if (typeof body !== 'object' || body === null) return null
  const raw = body as Attrs
  const v = (typeof raw['sensor'] === 'object' && raw['sensor'] !== null ? raw['sensor'] : raw) as Attrs
  return {
    placement: text(v, 'name'),
    buildingId: text(v, 'buildingId'),
    compoundId: text(v, 'siteId'),
    lastSeenAt: text(v, 'lastSeenAt') ?? text(raw, 'lastSeenAt'),
    online: typeof v['online'] === 'boolean' ? v['online'] : typeof raw['online'] === 'boolean' ? raw['online'] : null,
    heartbeatSeconds: num(v, 'heartbeatSeconds'),
  }
}

export function useSensorRegistry(sensorId: () => string | null) {
  return { entry: useRegistryEntry((id) => `/api/v1/sensors/${id}`, sensorId, toEntry) }
}
