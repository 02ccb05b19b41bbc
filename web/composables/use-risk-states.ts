/**
 * Puts risk by grid on a map drawn with the district's layers: the scene as the style's global
 * state, and each node's five-colour level now and as forecast as its `risk` and `forecast`
 * feature-states on its tier's source (the fills' expressions, map/risk-style.ts, pick one by the
 * scene). Only changed levels are set, so a frame about three grids costs three calls whatever the
 * scene, and a scene switch costs none.
 */
import { watch, type Ref, type ShallowRef } from 'vue'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Level } from '../../domain/geo.ts'
import type { RiskLevel } from '../../domain/risk.ts'
import { levelOfId } from '../map/hierarchy.ts'
import { FORECAST_STATE, RISK_STATE, SCENE_STATE, type MapScene } from '../map/risk-style.ts'
import { riskStateChanges } from '../map/risk-states.ts'
import { useRiskForecastStore } from '../stores/risk-forecast.ts'
import { useRiskStore } from '../stores/risk.ts'

type Leveled = { id: string; riskLevel: RiskLevel }

export function useRiskStates(
  map: ShallowRef<MapLibreMap | null>,
  ready: Ref<boolean>,
  scene: Ref<MapScene>,
  /** The source holding a level's features, or null for a level drawn without fills (the district). */
  sourceOf: (level: Level) => string | null,
): void {
  const risk = useRiskStore()
  const forecast = useRiskForecastStore()
  /** What the map holds, per feature-state key: id → level as last set. */
  const sent = { [RISK_STATE]: new Map<string, RiskLevel>(), [FORECAST_STATE]: new Map<string, RiskLevel>() }

  const target = (id: string) => {
    const level = levelOfId(id)
    const source = level ? sourceOf(level) : null
    return source ? { source, id } : null
  }

  function apply(m: MapLibreMap, key: keyof typeof sent, nodes: Leveled[]): void {
    const held = sent[key]
    const { set, clear } = riskStateChanges(held, nodes.filter((n) => target(n.id) !== null))
    for (const id of clear) {
      const t = target(id)
      if (t) m.removeFeatureState(t, key)
      held.delete(id)
    }
    for (const [id, level] of set) {
      const t = target(id)
      if (t) m.setFeatureState(t, { [key]: level })
      held.set(id, level)
    }
  }

  /** Every forecast known: the tiers' own load, and the followed micro-grids'. */
  function forecasts(): Leveled[] {
    const out: Leveled[] = [...forecast.nodes].map(([id, f]) => ({ id, riskLevel: f.riskLevel }))
    for (const n of risk.microgrids.values()) if (n.forecast) out.push({ id: n.id, riskLevel: n.forecast.riskLevel })
    return out
  }

  watch(
    [ready, () => risk.nodes, () => risk.microgrids],
    ([isReady]) => {
      const m = map.value
      if (isReady && m) apply(m, RISK_STATE, [...risk.nodes.values(), ...risk.microgrids.values()])
    },
    { immediate: true },
  )

  watch(
    [ready, () => forecast.nodes, () => risk.microgrids],
    ([isReady]) => {
      const m = map.value
      if (isReady && m) apply(m, FORECAST_STATE, forecasts())
    },
    { immediate: true },
  )

  watch(
    [ready, scene],
    ([isReady, s]) => {
      const m = map.value
      if (isReady && m) m.setGlobalStateProperty(SCENE_STATE, s)
    },
    { immediate: true },
  )
}
