/**
 * Draws the detection hotspots in the wall's scope on a map, under its event layers, kept current by
 * whoever follows the hotspots store (use-followed-hotspots.ts).
 */
import { watch, type Ref, type ShallowRef } from 'vue'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { LAYERS } from '../map/district-style.ts'
import { HOTSPOT_SOURCE, hotspotFeatures, hotspotLayers } from '../map/hotspot-style.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'

export function useHotspotRings(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>): void {
  const store = useHotspotsStore()

  watch(
    [ready, () => store.detection],
    ([isReady, hotspots]) => {
      const m = map.value
      if (!isReady || !m) return
      const data = hotspotFeatures(hotspots)
      const source = m.getSource(HOTSPOT_SOURCE) as GeoJSONSource | undefined
      if (source) return void source.setData(data)
      m.addSource(HOTSPOT_SOURCE, { type: 'geojson', data })
      for (const layer of hotspotLayers()) m.addLayer(layer, LAYERS.eventHalo)
    },
    { immediate: true },
  )
}
