/**
 * The map's event markers as something to touch: their source icons (added to the map with its
 * layers), a tap or click on one opening the event in the detail drawer, and a ring around the
 * event the drawer shows. The map component keeps its own layers and drill-down; it asks here
 * first whether a click was meant for an event.
 */
import { onBeforeUnmount, watch, type ShallowRef } from 'vue'
import { Marker, type Map as MapLibreMap, type PointLike } from 'maplibre-gl'
import { markerStyle } from '../feed/source-style.ts'
import { EVENT_HIT_LAYERS, EVENT_ICON_LAYER, eventIconLayer, HIT_SLOP_PX, nearestHit, type MarkerHit } from '../map/event-markers.ts'
import { addMarkerImages } from '../map/marker-images.ts'
import { useEventsStore } from '../stores/events.ts'
import { useSelectionStore } from '../stores/selection.ts'
import '../map/event-markers.css'

type Point = { x: number; y: number }

export function useEventMarkers(map: ShallowRef<MapLibreMap | null>) {
  const selection = useSelectionStore()
  const events = useEventsStore()
  let ring: Marker | null = null

  /** Adds the icon images and the icon layer; call once the events source exists. */
  function install(m: MapLibreMap): void {
    addMarkerImages(m)
    if (!m.getLayer(EVENT_ICON_LAYER)) m.addLayer(eventIconLayer())
  }

  function eventIdAt(m: MapLibreMap, point: Point): string | undefined {
    const layers = EVENT_HIT_LAYERS.filter((l) => m.getLayer(l))
    if (layers.length === 0) return undefined
    const box: [PointLike, PointLike] = [
      [point.x - HIT_SLOP_PX, point.y - HIT_SLOP_PX],
      [point.x + HIT_SLOP_PX, point.y + HIT_SLOP_PX],
    ]
    const hits: MarkerHit[] = []
    for (const f of m.queryRenderedFeatures(box, { layers })) {
      const id = f.properties?.['id']
      if (typeof id !== 'string' || f.geometry.type !== 'Point') continue
      const at = m.project(f.geometry.coordinates as [number, number])
      hits.push({ id, x: at.x, y: at.y, rank: Number(f.properties?.['rank'] ?? 0) })
    }
    return nearestHit(hits, point)
  }

  /** Opens the event under the point, if there is one; true when it did (the click is then spent). */
  function openAt(m: MapLibreMap, point: Point): boolean {
    const id = eventIdAt(m, point)
    if (id === undefined) return false
    selection.open(id, events.feed.find((e) => e.id === id))
    return true
  }

  function isOverEvent(m: MapLibreMap, point: Point): boolean {
    return eventIdAt(m, point) !== undefined
  }

  function removeRing(): void {
    ring?.remove()
    ring = null
  }

  // A ring on the open event, so the dispatcher sees where it is while reading about it.
  watch(
    [map, () => selection.event],
    ([m, event]) => {
      removeRing()
      if (!m || !event) return
      const el = document.createElement('div')
      el.className = 'map-event-ring'
      el.dataset.testid = 'map-selected-event'
      el.dataset.eventId = event.id
      el.style.setProperty('--src', markerStyle(event).color)
      ring = new Marker({ element: el, anchor: 'center' }).setLngLat([event.location.lng, event.location.lat]).addTo(m)
    },
  )

  onBeforeUnmount(removeRing)

  return { install, openAt, isOverEvent }
}
