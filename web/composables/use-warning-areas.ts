/**
 * Draws the public warnings in force on a map, under its event layers, and keeps them current: the
 * list is fetched again when a `cap` event arrives (an Alert, Update or Cancel changes it).
 */
import { onBeforeUnmount, watch, type Ref, type ShallowRef } from 'vue'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { LAYERS } from '../map/district-style.ts'
import { WARNING_SOURCE, warningLayers } from '../map/warning-style.ts'
import { useEventsStore } from '../stores/events.ts'
import { useWarningsStore } from '../stores/warnings.ts'

export function useWarningAreas(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>): void {
  const store = useWarningsStore()
  const events = useEventsStore()
  store.follow()
  let lastCapSeq = 0

  watch(
    () => events.feed,
    (feed) => {
      const newest = feed.findLast((e) => e.source === 'cap')?.seq ?? 0
      if (newest > lastCapSeq) {
        // The first pass only records where the feed stands; the store has just loaded.
        if (lastCapSeq > 0) store.reload()
        lastCapSeq = newest
      }
    },
    { immediate: true },
  )

  watch(
    [ready, () => store.areas],
    ([isReady, areas]) => {
      const m = map.value
      if (!isReady || !m) return
      if (!m.getSource(WARNING_SOURCE)) {
        m.addSource(WARNING_SOURCE, { type: 'geojson', data: areas })
        // Over the street fills, under the events.
        for (const layer of warningLayers()) m.addLayer(layer, LAYERS.eventHalo)
        return
      }
      ;(m.getSource(WARNING_SOURCE) as GeoJSONSource).setData(areas)
    },
    { immediate: true },
  )

  onBeforeUnmount(() => store.stop())
}
