/**
 * The automatic hotspot open in the wall's hotspot detail, which takes the event drawer's place: opening
 * one closes the other. The hotspot shown is the list's current copy, or its last one once it has ended,
 * so the detail does not vanish under a dispatcher's hand.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { AutoHotspot } from '../../domain/hotspots.ts'
import { useAuthStore } from './auth.ts'
import { useHotspotsStore } from './hotspots.ts'
import { useSelectionStore } from './selection.ts'

export const useHotspotSelectionStore = defineStore('hotspot-selection', () => {
  const hotspots = useHotspotsStore()
  const events = useSelectionStore()
  /** The open hotspot's id; null while the detail is closed. */
  const selectedId = shallowRef<string | null>(null)
  /** The open hotspot as last listed. */
  const last = shallowRef<AutoHotspot | null>(null)

  const current = computed(() => (selectedId.value ? (hotspots.automatic.find((h) => h.id === selectedId.value) ?? null) : null))
  /** What the detail shows: the current copy, else the last one seen. */
  const hotspot = computed(() => current.value ?? last.value)
  /** Open, but no longer listed: it has ended (or left the scope). */
  const ended = computed(() => selectedId.value !== null && current.value === null && hotspots.status === 'ready')

  watch(current, (h) => {
    if (h) last.value = h
  })

  function open(id: string): void {
    events.close()
    selectedId.value = id
    last.value = hotspots.automatic.find((h) => h.id === id) ?? null
  }

  function close(): void {
    selectedId.value = null
    last.value = null
  }

  watch(() => events.selectedId, (id) => {
    if (id) close()
  })
  watch(() => useAuthStore().token, close)

  return { selectedId, hotspot, ended, open, close }
})
