/**
 * Risk by grid (风险, domain/risk.ts) in the user's scope: the district, street, community and grid
 * tiers come by socket (`risk` frames: a full one on every connect, then changes); micro-grids,
 * which the frames leave out, are loaded over HTTP for the one street the map shows them in, and
 * again every minute while it does, each with its 24-hour forecast.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import { DEFAULT_RISK_THRESHOLDS, type RiskFrame, type RiskNode, type RiskReport, type RiskWarning } from '../../domain/risk.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useFollowedLoad } from '../http/followed-load.ts'
import { applyRiskFrame, type RiskPicture } from '../realtime/apply-risk.ts'
import { useAuthStore } from './auth.ts'

const NO_NODES: ReadonlyMap<string, RiskNode> = new Map()

export const useRiskStore = defineStore('risk', () => {
  const auth = useAuthStore()
  /** What the frames said, folded; null before the first frame (or from a server without risk). */
  const picture = shallowRef<RiskPicture | null>(null)
  /** The newest warning raised while the wall watched (from a change frame, not a connect's replay). */
  const lastRaised = shallowRef<RiskWarning | null>(null)
  /** The street whose micro-grids are followed; null when the map shows none. */
  const microgridStreet = shallowRef<string | null>(null)
  /** That street's micro-grids by id; empty while loading, or when the server offers none. */
  const microgrids = shallowRef<ReadonlyMap<string, RiskNode>>(NO_NODES)

  const available = computed(() => picture.value !== null)
  const nodes = computed(() => picture.value?.nodes ?? NO_NODES)
  const warnings = computed(() => picture.value?.warnings ?? [])
  const thresholds = computed(() => picture.value?.thresholds ?? DEFAULT_RISK_THRESHOLDS)

  function receive(frame: RiskFrame): void {
    picture.value = applyRiskFrame(picture.value, frame)
    if (!frame.full && frame.warnings[0]) lastRaised.value = frame.warnings[0]
  }

  const microgridLoad = useFollowedLoad({
    // The frames do not cover micro-grids; a minute matches the wall's other followed lists.
    refreshMs: 60_000,
    maxDelayMs: 60_000,
    load: async (isCurrent) => {
      const street = microgridStreet.value
      if (street === null) return
      // With their forecasts, so the forecast scene (stores/risk-forecast.ts) needs no second follow.
      const url = `/api/v1/risk?level=microgrid&street=${encodeURIComponent(street)}&warnings=0&forecast=true`
      try {
        const reply = await requestJson<RiskReport>(url, { token: auth.token })
        if (isCurrent()) microgrids.value = new Map(reply.nodes.map((n) => [n.id, n]))
      } catch (err) {
        // A server without the route: the micro-grids stay uncoloured rather than retried in a loop.
        if (!(err instanceof ApiError && err.status === 404)) throw err
        if (isCurrent()) microgrids.value = NO_NODES
      }
    },
  })

  /** Follows one street's micro-grids (null: none), dropping the previous street's. */
  function followMicrogrids(streetId: string | null): void {
    if (streetId === microgridStreet.value) return
    microgridLoad.stop()
    microgridStreet.value = streetId
    microgrids.value = NO_NODES
    if (streetId === null) return
    // A load that finished for the last street leaves the status `ready`, which `follow` alone would trust.
    const wasIdle = microgridLoad.status.value === 'idle'
    microgridLoad.follow()
    if (!wasIdle) microgridLoad.reload()
  }

  watch(() => auth.token, () => {
    picture.value = null
    lastRaised.value = null
    followMicrogrids(null)
  })

  return {
    available, nodes, warnings, thresholds, lastRaised, microgridStreet, microgrids,
    receive, followMicrogrids,
  }
})
