/**
 * Draws the dispatch picture on a map and keeps it current: open cases with SLA countdown rings,
 * units by status, and a line from each busy unit to its case. Changes from the stores are sent to
 * the map's sources at most every `FLUSH_MS` (frames already come at most 4 a second); the rings'
 * countdown is recomputed every few seconds, which is as fine as a 12-step ring can show.
 */
import { onBeforeUnmount, watch, type Ref, type ShallowRef } from 'vue'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { LAYERS } from '../map/district-style.ts'
import { addDispatchImages } from '../map/dispatch-images.ts'
import { caseFeatures, unitCaseLinks, unitFeatures } from '../map/dispatch-features.ts'
import { DISPATCH_LAYERS_OVER_EVENTS, DISPATCH_SOURCES, dispatchLayers } from '../map/dispatch-style.ts'
import { useCasesStore } from '../stores/cases.ts'
import { useUnitsStore } from '../stores/units.ts'
import { useNow } from './use-now.ts'

const FLUSH_MS = 250
const RING_TICK_MS = 5_000

export function useDispatchOverlay(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>): void {
  const cases = useCasesStore()
  const units = useUnitsStore()
  const now = useNow(RING_TICK_MS)
  let casesDirty = true
  let unitsDirty = true
  let lastFlush = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function install(m: MapLibreMap): void {
    addDispatchImages(m)
    const empty = { type: 'FeatureCollection' as const, features: [] }
    for (const id of Object.values(DISPATCH_SOURCES)) m.addSource(id, { type: 'geojson', data: empty })
    for (const layer of dispatchLayers()) {
      const over = (DISPATCH_LAYERS_OVER_EVENTS as readonly string[]).includes(layer.id)
      // Rings over the event markers (their hole shows the icon); the rest beneath the events.
      m.addLayer(layer, over ? undefined : LAYERS.eventHalo)
    }
  }

  function flush(): void {
    timer = undefined
    const m = map.value
    if (!m || !ready.value) return
    if (!m.getSource(DISPATCH_SOURCES.cases)) install(m)
    lastFlush = Date.now()
    const source = (id: string) => m.getSource<GeoJSONSource>(id)
    if (casesDirty) source(DISPATCH_SOURCES.cases)?.setData(caseFeatures(cases.byId.values(), Date.now()))
    if (casesDirty || unitsDirty) source(DISPATCH_SOURCES.links)?.setData(unitCaseLinks(units.byId.values(), cases.byId))
    if (unitsDirty) source(DISPATCH_SOURCES.units)?.setData(unitFeatures(units.byId.values()))
    casesDirty = false
    unitsDirty = false
  }

  function schedule(): void {
    if (timer) return
    timer = setTimeout(flush, Math.max(0, lastFlush + FLUSH_MS - Date.now()))
  }

  watch([() => cases.byId, now], () => {
    casesDirty = true
    schedule()
  })
  watch(() => units.byId, () => {
    unitsDirty = true
    schedule()
  })
  watch(ready, (isReady) => {
    if (!isReady) return
    casesDirty = unitsDirty = true
    schedule()
  }, { immediate: true })

  onBeforeUnmount(() => clearTimeout(timer))
}
