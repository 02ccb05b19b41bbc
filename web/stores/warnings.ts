/**
 * The public warnings in force (`GET /api/v1/warnings`, CAP 1.2) and their areas. Fetched at start,
 * again whenever a `cap` event arrives on the live feed (an Alert, Update or Cancel changes the set),
 * and once a minute so an expired warning leaves the wall even when nothing new comes in.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { WarningsReply } from '../../domain/cap.ts'
import { requestJson } from '../http/request-json.ts'
import { useRetryingLoad } from '../http/retrying-load.ts'
import { useAuthStore } from './auth.ts'

const REFRESH_MS = 60_000

export const useWarningsStore = defineStore('warnings', () => {
  const warnings = shallowRef<WarningsReply['warnings']>([])
  const areas = shallowRef<WarningsReply['areas']>({ type: 'FeatureCollection', features: [] })
  let refresh: ReturnType<typeof setInterval> | undefined

  const { status, ensureLoaded, restart, stop: stopLoad } = useRetryingLoad({
    maxDelayMs: 60_000,
    load: async (isCurrent) => {
      const reply = await requestJson<WarningsReply>('/api/v1/warnings', { token: useAuthStore().token })
      if (!isCurrent()) return
      warnings.value = reply.warnings
      areas.value = reply.areas
    },
  })

  /** Loads now and keeps the list fresh until `stop()`. */
  function follow(): void {
    ensureLoaded()
    refresh ??= setInterval(restart, REFRESH_MS)
  }

  function stop(): void {
    if (refresh) clearInterval(refresh)
    refresh = undefined
    stopLoad()
  }

  return { warnings, areas, status, follow, reload: restart, stop }
})
