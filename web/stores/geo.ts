/**
 * The district's boundaries, shared by the map and the panels. District and streets load with the
 * wall; the lower tiers (社区, 网格, 微网格, the last 2.5 MB) are fetched the first time the map
 * drills down to them. All of it is fetched again after a server restart.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import type { NodeProps } from '../../domain/geo.ts'
import type { LowerLevel } from '../map/hierarchy.ts'
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
  /** The lower tiers fetched so far, by level; a missing level has not been needed yet. */
  const tiers = shallowRef<Partial<Record<LowerLevel, Boundaries>>>({})
  /** Lower tiers whose last fetch failed (the next `ensureTier` tries again). */
  const tierErrors = shallowRef<ReadonlySet<LowerLevel>>(new Set())

  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryDelay = RETRY_MIN_MS
  let generation = 0

  const streetList = computed(() =>
    (streets.value?.features ?? []).map((f) => ({ id: f.properties.id, name: f.properties.name })),
  )
  const streetNames = computed(() => new Map(streetList.value.map((s) => [s.id, s.name])))
  const districtName = computed(() => district.value?.features[0]?.properties.name ?? null)

  function streetName(id: string): string | undefined {
    return streetNames.value.get(id)
  }

  /** Every loaded node's name by id, whatever its level. */
  const nodeNames = computed(() => {
    const names = new Map<string, string>()
    for (const fc of [district.value, streets.value, ...Object.values(tiers.value)]) {
      for (const f of fc?.features ?? []) names.set(f.properties.id, f.properties.name)
    }
    return names
  })

  const tierRequests = new Map<LowerLevel, Promise<Boundaries | null>>()

  /**
   * Fetches a lower tier unless it is loaded or loading; resolves with it, or null when the fetch
   * failed or was overtaken by a reload.
   */
  function ensureTier(level: LowerLevel): Promise<Boundaries | null> {
    const have = tiers.value[level]
    if (have) return Promise.resolve(have)
    const pending = tierRequests.get(level)
    if (pending) return pending
    const gen = generation
    const auth = useAuthStore()
    const request = requestJson<Boundaries>(`/api/v1/geo/${level}.geojson`, { token: auth.token })
      .then((fc) => {
        if (gen !== generation) return null
        tiers.value = { ...tiers.value, [level]: fc }
        tierErrors.value = new Set([...tierErrors.value].filter((l) => l !== level))
        return fc
      })
      .catch((err: unknown) => {
        if (gen !== generation) return null
        if (err instanceof ApiError && err.status === 401) auth.logout()
        tierErrors.value = new Set([...tierErrors.value, level])
        return null
      })
      .finally(() => {
        if (tierRequests.get(level) === request) tierRequests.delete(level)
      })
    tierRequests.set(level, request)
    return request
  }


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
    tiers.value = {}
    tierErrors.value = new Set()
    void fetchAll(generation)
  }

  /** Cancels a pending retry and ignores any request in flight. */
  function stop(): void {
    clearTimeout(retryTimer)
    generation++
    tierRequests.clear()
    if (status.value !== 'ready') status.value = 'idle'
  }

  return {
    district, streets, status, tiers, tierErrors,
    streetList, streetNames, districtName, nodeNames, streetName, ensureLoaded, ensureTier, reload, stop,
  }
})
