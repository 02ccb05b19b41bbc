/**
 * Puts the offline basemap (when the server has one) under a map's own layers, once the map's
 * style has loaded and the server has said what the archive holds. Without a basemap nothing is
 * added and the map keeps its plain background.
 */
import { nextTick, onBeforeUnmount, watch, type Ref, type ShallowRef } from 'vue'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { BasemapInfo } from '../../domain/basemap.ts'
import { LAYERS } from '../map/district-style.ts'
import { BASEMAP_SOURCE, basemapLayers, basemapSource, DISTRICT_FILL_OVER_BASEMAP } from '../map/basemap-style.ts'
import { useBasemapStore } from '../stores/basemap.ts'

/** Adds the basemap's source and layers beneath every layer but the background. */
export function addBasemap(m: MapLibreMap, info: BasemapInfo, origin: string): void {
  if (m.getSource(BASEMAP_SOURCE)) return
  m.addSource(BASEMAP_SOURCE, basemapSource(info, origin))
  const beforeId = m.getStyle().layers.find((l) => l.type !== 'background')?.id
  for (const layer of basemapLayers(info.vectorLayers)) m.addLayer(layer, beforeId)
}

/**
 * Lets the basemap show through the district's fill. Only a plain number is scaled: an expression
 * (a zoom curve, say) could not be wrapped in arithmetic, and is left as its author set it.
 */
export function thinDistrictFill(m: MapLibreMap): void {
  if (!m.getLayer(LAYERS.districtFill)) return
  const current: unknown = m.getPaintProperty(LAYERS.districtFill, 'fill-opacity') ?? 1
  if (typeof current === 'number') m.setPaintProperty(LAYERS.districtFill, 'fill-opacity', current * DISTRICT_FILL_OVER_BASEMAP)
}

export function useBasemap(map: ShallowRef<MapLibreMap | null>, loaded: Ref<boolean>): void {
  const store = useBasemapStore()
  store.ensureLoaded()
  let added: MapLibreMap | null = null

  watch(
    [loaded, () => store.info],
    ([isLoaded, info]) => {
      const m = map.value
      if (!isLoaded || !m || !info?.available || added === m) return
      added = m
      addBasemap(m, info, window.location.origin)
      // The map's own layers may be added by a watcher on the same `loaded`; wait for them.
      void nextTick(() => {
        if (map.value === m) thinDistrictFill(m)
      })
    },
    { immediate: true },
  )

  onBeforeUnmount(() => store.stop())
}
