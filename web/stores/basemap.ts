/**
 * The offline basemap as the server reports it (`GET /api/v1/basemap`): whether there is one, and
 * what its archive holds. Most installations have none, and then nothing else is fetched.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { BasemapInfo } from '../../domain/basemap.ts'
import { requestJson } from '../http/request-json.ts'
import { useRetryingLoad } from '../http/retrying-load.ts'
import { useAuthStore } from './auth.ts'

export const useBasemapStore = defineStore('basemap', () => {
  /** The server's answer; null until it has given one. */
  const info = shallowRef<BasemapInfo | null>(null)

  // The server may be restarting; the map works without a basemap meanwhile. A signed-out wall is
  // sent to the login page by the stores that own the session, so a 401 just rests here.
  const { status, ensureLoaded, stop } = useRetryingLoad({
    maxDelayMs: 60_000,
    load: async (isCurrent) => {
      const answer = await requestJson<BasemapInfo>('/api/v1/basemap', { token: useAuthStore().token })
      if (isCurrent()) info.value = answer
    },
  })

  return { info, status, ensureLoaded, stop }
})
