/** Draws the public warnings in force on a map, under its event layers, and keeps them current. */
import { onBeforeUnmount, watch, type Ref, type ShallowRef } from 'vue'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { LAYERS } from '../map/district-style.ts'
import { WARNING_SOURCE, warningLayers } from '../map/warning-style.ts'
import { useWarningsStore } from '../stores/warnings.ts'
import { useReloadOnSource } from './use-reload-on-source.ts'

export function useWarningAreas(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>): void {
  const store = useWarningsStore()
  store.follow()
  useReloadOnSource('cap', store.reload)

  watch(
    [ready, () => store.areas],
    ([isReady, areas]) => {
      const m = map.value
      if (!isReady || !m) return
      const source = m.getSource(WARNING_SOURCE) as GeoJSONSource | undefined
      if (source) return void source.setData(areas)
      m.addSource(WARNING_SOURCE, { type: 'geojson', data: areas })
      // Over the street fills, under the events.
      for (const layer of warningLayers()) m.addLayer(layer, LAYERS.eventHalo)
    },
    { immediate: true },
  )

  onBeforeUnmount(() => store.stop())
}
