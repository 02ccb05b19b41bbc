/**
 * Detection hotspots in the wall's scope (`GET /api/v1/hotspots`): repeated off-leash or stray-dog
 * detections at one camera. Loaded again when a detection arrives and every minute, since a hotspot
 * ends one window after its last detection.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Hotspot } from '../../domain/cameras.ts'
import { requestJson } from '../http/request-json.ts'
import { useFollowedLoad } from '../http/followed-load.ts'
import { useAuthStore } from './auth.ts'

export const useHotspotsStore = defineStore('hotspots', () => {
  const hotspots = shallowRef<Hotspot[]>([])

  const { status, follow, reload, stop } = useFollowedLoad({
    refreshMs: 60_000,
    maxDelayMs: 60_000,
    load: async (isCurrent) => {
      const reply = await requestJson<{ hotspots: Hotspot[] }>('/api/v1/hotspots', { token: useAuthStore().token })
      if (isCurrent()) hotspots.value = reply.hotspots
    },
  })

  return { hotspots, status, follow, reload, stop }
})
