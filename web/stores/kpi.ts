/**
 * Today's KPIs (接诉即办考核) in the user's scope: loaded with `GET /api/v1/kpi?period=today` on every
 * socket connect and every 5 minutes (the day rolls over while nothing changes), replaced by each
 * `kpi` frame for the same period. A 404 means the server has no KPIs (yet): the report stays null.
 */
import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { KpiPeriod, KpiReport } from '../../domain/kpi.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useFollowedLoad } from '../http/followed-load.ts'
import { useAuthStore } from './auth.ts'

export const useKpiStore = defineStore('kpi', () => {
  const auth = useAuthStore()
  /** The period shown; frames for another period are ignored. */
  const period = shallowRef<KpiPeriod>('today')
  /** The latest report, or null before one arrived or when the server offers none. */
  const report = shallowRef<KpiReport | null>(null)
  /** False once the server answered 404. */
  const available = shallowRef(true)

  const { status, follow, reload, stop } = useFollowedLoad({
    refreshMs: 5 * 60_000,
    maxDelayMs: 60_000,
    load: async (isCurrent) => {
      try {
        const reply = await requestJson<KpiReport>(`/api/v1/kpi?period=${period.value}`, { token: auth.token })
        if (!isCurrent()) return
        report.value = reply
        available.value = true
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err
        if (!isCurrent()) return
        report.value = null
        available.value = false
      }
    },
  })

  function receive(kpi: KpiReport): void {
    if (kpi.period !== period.value) return
    // A frame may overtake a slower load; the newer report wins either way.
    if (report.value && Date.parse(report.value.generatedAt) > Date.parse(kpi.generatedAt)) return
    report.value = kpi
    available.value = true
  }

  /** On every socket connect: loads now, and keeps refreshing. */
  function resync(): void {
    const wasIdle = status.value === 'idle'
    follow()
    if (!wasIdle) reload()
  }

  watch(() => auth.token, () => {
    stop()
    report.value = null
  })

  return { period, report, available, status, receive, resync, stop }
})
