/** The district's boundaries, fetched once per server boot and shared by the map and the panels. */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import type { NodeProps } from '../../domain/geo.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useAuthStore } from './auth.ts'

export type Boundaries = FeatureCollection<Polygon | MultiPolygon, NodeProps>

const RETRY_MIN_MS = 2_000
const RETRY_MAX_MS = 30_000

export const useGeoStore = defineStore('geo', () => {
  /** The district outline. */
  const district = shallowRef<Boundaries | null>(null)
  /** The streets (街道), one feature each. */
  const streets = shallowRef<Boundaries | null>(null)
  /** Where loading stands; `error` means a retry is scheduled. */
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')

  const streetList = computed(() =>
    (streets.value?.features ?? []).map((f) => ({ id: f.properties.id, name: f.properties.name })),
  )
  const streetNames = computed(() => new Map(streetList.value.map((s) => [s.id, s.name])))
  const districtName = computed(() => district.value?.features[0]?.properties.name ?? null)

  function streetName(id: string): string | undefined {
    return streetNames.value.get(id)
  }

  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryDelay = RETRY_MIN_MS
  let generation = 0

  async function fetchAll(gen: number): Promise<void> {
    const auth = useAuthStore()
    status.value = 'loading'
    try {
      const [d, s] = await Promise.all([
        requestJson<Boundaries>('/api/v1/geo/district.geojson', { token: auth.token }),
        requestJson<Boundaries>('/api/v1/geo/street.geojson', { token: auth.token }),
      ])
      if (gen !== generation) return
      district.value = d
      streets.value = s
      status.value = 'ready'
      retryDelay = RETRY_MIN_MS
    } catch (err) {
      if (gen !== generation) return
      if (err instanceof ApiError && err.status === 401) {
        status.value = 'idle'
        auth.logout()
        return
      }
      // The server may be restarting; a wall keeps trying rather than showing an empty map forever.
      status.value = 'error'
      retryTimer = setTimeout(() => void fetchAll(gen), retryDelay)
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS)
    }
  }

  /** Loads the boundaries unless they are loaded or loading. */
  function ensureLoaded(): void {
    if (status.value === 'idle') void fetchAll(generation)
  }

  /** Fetches again (after a server restart the district may have been regenerated). */
  function reload(): void {
    stop()
    void fetchAll(generation)
  }

  /** Cancels a pending retry and ignores any request in flight. */
  function stop(): void {
    clearTimeout(retryTimer)
    generation++
    if (status.value !== 'ready') status.value = 'idle'
  }

  return { district, streets, status, streetList, streetNames, districtName, streetName, ensureLoaded, reload, stop }
})
