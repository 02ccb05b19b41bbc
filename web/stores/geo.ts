/**
 * The district's boundaries, shared by the map and the panels. District and streets load with the
 * wall; the lower tiers (社区, 网格, 微网格, the last 2.5 MB) are fetched the first time the map
 * drills down to them. All of it is fetched again after a server restart.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import type { NodeProps } from '../../domain/geo.ts'
import type { LowerLevel } from '../map/hierarchy.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useRetryingLoad } from '../http/retrying-load.ts'
import { useAuthStore } from './auth.ts'

export type Boundaries = FeatureCollection<Polygon | MultiPolygon, NodeProps>

export const useGeoStore = defineStore('geo', () => {
  /** The district outline. */
  const district = shallowRef<Boundaries | null>(null)
  /** The streets (街道), one feature each. */
  const streets = shallowRef<Boundaries | null>(null)
  /** The lower tiers fetched so far, by level; a missing level has not been needed yet. */
  const tiers = shallowRef<Partial<Record<LowerLevel, Boundaries>>>({})
  /** Lower tiers whose last fetch failed (the next `ensureTier` tries again). */
  const tierErrors = shallowRef<ReadonlySet<LowerLevel>>(new Set())

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

  // The server may be restarting; a wall keeps trying rather than showing an empty map forever.
  const loader = useRetryingLoad({
    onUnauthorized: () => useAuthStore().logout(),
    load: async (isCurrent) => {
      const token = useAuthStore().token
      const [d, s] = await Promise.all([
        requestJson<Boundaries>('/api/v1/geo/district.geojson', { token }),
        requestJson<Boundaries>('/api/v1/geo/street.geojson', { token }),
      ])
      if (!isCurrent()) return
      district.value = d
      streets.value = s
    },
  })
  const { status, ensureLoaded } = loader

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
    const gen = loader.currentGeneration()
    const auth = useAuthStore()
    const request = requestJson<Boundaries>(`/api/v1/geo/${level}.geojson`, { token: auth.token })
      .then((fc) => {
        if (gen !== loader.currentGeneration()) return null
        tiers.value = { ...tiers.value, [level]: fc }
        tierErrors.value = new Set([...tierErrors.value].filter((l) => l !== level))
        return fc
      })
      .catch((err: unknown) => {
        if (gen !== loader.currentGeneration()) return null
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

  /** Fetches again (after a server restart the district may have been regenerated). */
  function reload(): void {
    stop()
    tiers.value = {}
    tierErrors.value = new Set()
    loader.restart()
  }

  /** Cancels a pending retry and ignores any request in flight. */
  function stop(): void {
    loader.stop()
    tierRequests.clear()
  }

  return {
    district, streets, status, tiers, tierErrors,
    streetList, streetNames, districtName, nodeNames, streetName, ensureLoaded, ensureTier, reload, stop,
  }
})
