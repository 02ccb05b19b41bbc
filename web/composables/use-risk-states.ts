/**
 * Puts risk by grid on a map drawn with the district's layers: the scene as the style's global
 * state, and each node's five-colour level as its `risk` feature-state on its tier's source (the
 * fills' expressions, map/risk-style.ts, do the rest). Only changed levels are set, so a frame about
 * three grids costs three calls whatever the scene.
 */
import { watch, type Ref, type ShallowRef } from 'vue'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Level } from '../../domain/geo.ts'
import type { RiskLevel } from '../../domain/risk.ts'
import { levelOfId } from '../map/hierarchy.ts'
import { SCENE_STATE, type MapScene } from '../map/risk-style.ts'
import { riskStateChanges } from '../map/risk-states.ts'
import { useRiskStore } from '../stores/risk.ts'

export function useRiskStates(
  map: ShallowRef<MapLibreMap | null>,
  ready: Ref<boolean>,
  scene: Ref<MapScene>,
  /** The source holding a level's features, or null for a level drawn without fills (the district). */
  sourceOf: (level: Level) => string | null,
): void {
  const risk = useRiskStore()
  /** What the map holds: id → level as last set. */
  const sent = new Map<string, RiskLevel>()

  const target = (id: string) => {
    const level = levelOfId(id)
    const source = level ? sourceOf(level) : null
    return source ? { source, id } : null
  }

  function apply(m: MapLibreMap): void {
    const nodes = [...risk.nodes.values(), ...risk.microgrids.values()].filter((n) => target(n.id) !== null)
    const { set, clear } = riskStateChanges(sent, nodes)
    for (const id of clear) {
      const t = target(id)
      if (t) m.removeFeatureState(t, 'risk')
      sent.delete(id)
    }
    for (const [id, level] of set) {
      const t = target(id)
      if (t) m.setFeatureState(t, { risk: level })
      sent.set(id, level)
    }
  }

  watch(
    [ready, () => risk.nodes, () => risk.microgrids],
    ([isReady]) => {
      const m = map.value
      if (isReady && m) apply(m)
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
