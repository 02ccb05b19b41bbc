/**
 * The public warnings in force (`GET /api/v1/warnings`, CAP 1.2) and their areas, kept current: again
 * whenever a `cap` event arrives (an Alert, Update or Cancel changes the set) and once a minute so an
 * expired warning leaves the wall.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { WarningsReply } from '../../domain/cap.ts'
import { requestJson } from '../http/request-json.ts'
import { useFollowedLoad } from '../http/followed-load.ts'
import { useAuthStore } from './auth.ts'

export const useWarningsStore = defineStore('warnings', () => {
  const warnings = shallowRef<WarningsReply['warnings']>([])
  const areas = shallowRef<WarningsReply['areas']>({ type: 'FeatureCollection', features: [] })

  const { status, follow, reload, stop } = useFollowedLoad({
    refreshMs: 60_000,
    maxDelayMs: 60_000,
    load: async (isCurrent) => {
      const reply = await requestJson<WarningsReply>('/api/v1/warnings', { token: useAuthStore().token })
      if (!isCurrent()) return
      warnings.value = reply.warnings
      areas.value = reply.areas
    },
  })

  return { warnings, areas, status, follow, reload, stop }
})
