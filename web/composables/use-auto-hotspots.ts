/**
 * Draws the automatic hotspots (高频事件) on the wall's map: rings under the event layers
 * (map/auto-hotspot-style.ts) and a chip beside each, "噪声扰民 ×12", as an HTML marker (the map has no
 * glyphs). A tap on a chip opens the hotspot's detail. Chips are kept by id, so a reload that changes
 * a count does not rebuild them all.
 */
import { onBeforeUnmount, watch, type Ref, type ShallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { Marker, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl'
import type { AutoHotspot } from '../../domain/hotspots.ts'
import { categoryLabel } from '../feed/feed-rows.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import { LAYERS } from '../map/district-style.ts'
import { AUTO_HOTSPOT_SOURCE, autoHotspotFeatures, autoHotspotLayers, chippedHotspots } from '../map/auto-hotspot-style.ts'
import { useHotspotSelectionStore } from '../stores/hotspot-selection.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'

interface Chip {
  marker: Marker
  el: HTMLElement
}

export function useAutoHotspots(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>): void {
  const store = useHotspotsStore()
  const selection = useHotspotSelectionStore()
  const { locale } = useI18n()
  const chips = new Map<string, Chip>()

  function chipFor(m: MapLibreMap, h: AutoHotspot): Chip {
    const known = chips.get(h.id)
    if (known) return known
    const el = document.createElement('button')
    el.type = 'button'
    el.className = 'map-hotspot-chip'
    el.dataset.testid = 'map-hotspot-chip'
    el.dataset.id = h.id
    // The map would take the tap as a click on the area beneath and drill down.
    for (const type of ['mousedown', 'mouseup', 'click', 'dblclick']) el.addEventListener(type, (e) => e.stopPropagation())
    el.addEventListener('click', () => selection.open(h.id))
    const chip = { el, marker: new Marker({ element: el, anchor: 'left', offset: [18, 0] }).setLngLat([h.location.lng, h.location.lat]).addTo(m) }
    chips.set(h.id, chip)
    return chip
  }

  function drawChips(m: MapLibreMap, hotspots: readonly AutoHotspot[]): void {
    const shown = chippedHotspots(hotspots)
    const keep = new Set(shown.map((h) => h.id))
    for (const [id, chip] of chips) {
      if (keep.has(id)) continue
      chip.marker.remove()
      chips.delete(id)
    }
    for (const h of shown) {
      const { el, marker } = chipFor(m, h)
      marker.setLngLat([h.location.lng, h.location.lat])
      el.textContent = `${categoryLabel(h.source, h.category, locale.value as AppLocale)} ×${h.count}`
      el.dataset.type = h.type
      el.dataset.sent = String(h.caseId !== null)
    }
  }

  watch(
    [ready, () => store.automatic, locale],
    ([isReady, hotspots]) => {
      const m = map.value
      if (!isReady || !m) return
      drawChips(m, hotspots)
      const data = autoHotspotFeatures(hotspots)
      const source = m.getSource(AUTO_HOTSPOT_SOURCE) as GeoJSONSource | undefined
      if (source) return void source.setData(data)
      m.addSource(AUTO_HOTSPOT_SOURCE, { type: 'geojson', data })
      for (const layer of autoHotspotLayers()) m.addLayer(layer, LAYERS.eventHalo)
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    for (const chip of chips.values()) chip.marker.remove()
    chips.clear()
  })
}
