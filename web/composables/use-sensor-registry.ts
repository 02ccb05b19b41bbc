/**
 * A sensor's registry entry (`GET /api/v1/sensors/:id`: placement, building, last seen, online),
 * for the drawer's sensor section. The event's own attrs are shown meanwhile, and if the registry
 * does not answer (an older server, a sensor since removed) they are all there is.
 */
import { shallowRef, watch } from 'vue'
import { num, text, type Attrs } from '../drawer/read-attrs.ts'
import { requestJson } from '../http/request-json.ts'
import { useAuthStore } from '../stores/auth.ts'

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
  const auth = useAuthStore()
  /** The registry entry; null until loaded, or when the registry has none. */
  const entry = shallowRef<SensorEntry | null>(null)
  let generation = 0

  watch(
    sensorId,
    async (id) => {
      const gen = ++generation
      entry.value = null
      if (!id) return
      try {
        const body = await requestJson<unknown>(`/api/v1/sensors/${encodeURIComponent(id)}`, { token: auth.token })
        if (gen === generation) entry.value = toEntry(body)
      } catch {
        // Not in the registry (or no registry yet): the event's attrs stand alone.
      }
    },
    { immediate: true },
  )

  return { entry }
}
