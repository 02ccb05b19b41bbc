/**
 * The 24-hour risk forecast (风险预测, 未诉先办, domain/risk.ts) of the district, street, community
 * and grid tiers in the user's scope. The frames do not carry forecasts, so they come over HTTP
 * (`GET /api/v1/risk?forecast=true`) while the map follows them, every five minutes: a forecast
 * follows the day's and the week's rate of events, which move slowly. Micro-grids' forecasts ride
 * on the risk store's micro-grid load (stores/risk.ts), which asks for them too.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { RiskForecast, RiskReport } from '../../domain/risk.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useFollowedLoad } from '../http/followed-load.ts'
import { useAuthStore } from './auth.ts'

const NO_FORECASTS: ReadonlyMap<string, RiskForecast> = new Map()
/** What the server forecast when it says nothing of how far ahead (the contract's own default). */
const DEFAULT_HOURS = 24

export const useRiskForecastStore = defineStore('risk-forecast', () => {
  const auth = useAuthStore()
  /** Each node's forecast by id; empty before the first load, or from a server without forecasts. */
  const nodes = shallowRef<ReadonlyMap<string, RiskForecast>>(NO_FORECASTS)
  /** How far ahead the forecasts look, in hours. */
  const hours = shallowRef(DEFAULT_HOURS)
  /** When the server worked the forecasts out; null before the first load. */
  const at = shallowRef<string | null>(null)

  const available = computed(() => nodes.value.size > 0)

  const load = useFollowedLoad({
    refreshMs: 5 * 60_000,
    maxDelayMs: 60_000,
    load: async (isCurrent) => {
      try {
        const reply = await requestJson<RiskReport>('/api/v1/risk?forecast=true&warnings=0', { token: auth.token })
        if (!isCurrent()) return
        const next = new Map<string, RiskForecast>()
        for (const n of reply.nodes) if (n.forecast) next.set(n.id, n.forecast)
        nodes.value = next
        hours.value = reply.forecastHours ?? DEFAULT_HOURS
        at.value = reply.at
      } catch (err) {
        // A server without risk: no forecast scene, rather than a retry loop.
        if (!(err instanceof ApiError && err.status === 404)) throw err
        if (isCurrent()) nodes.value = NO_FORECASTS
      }
    },
  })

  let following = false

  /** Loads now and every few minutes until `stop()`; a second call while following does nothing. */
  function follow(): void {
    if (following) return
    following = true
    // A map mounted again finds the last load `ready`, which `follow` alone would trust.
    const wasIdle = load.status.value === 'idle'
    load.follow()
    if (!wasIdle) load.reload()
  }

  /** Loads again now (a person asked for the forecast: they get the latest). */
  function refresh(): void {
    if (following) load.reload()
  }

  function stop(): void {
    following = false
    load.stop()
  }

  watch(() => auth.token, () => {
    nodes.value = NO_FORECASTS
    at.value = null
    if (following) load.reload()
  })

  return { nodes, hours, at, available, follow, refresh, stop }
})
