/**
 * The active hotspots in the user's scope, or one street's (`GET /api/v1/hotspots?street=`): a
 * camera's detection hotspots (repeated off-leash or stray-dog detections) and the automatic ones
 * (高频事件) the server finds among people's reports. Loaded again on a timer, since hotspots end by
 * themselves and the server looks for new ones on its own clock (use-followed-hotspots.ts adds the
 * live triggers).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnyHotspot } from '../../domain/hotspots.ts'
import { isAutoHotspot, isDetectionHotspot } from '../hotspots/hotspot-types.ts'
import { requestJson } from '../http/request-json.ts'
import { useFollowedLoad } from '../http/followed-load.ts'
import { useAuthStore } from './auth.ts'

export const useHotspotsStore = defineStore('hotspots', () => {
  /** Every active hotspot as last loaded, of every type. */
  const hotspots = shallowRef<AnyHotspot[]>([])
  /** The street the list is narrowed to (a command post's); null for the user's whole scope. */
  const street = ref<string | null>(null)
  /** A camera's repeated detections: the rings round cameras. */
  const detection = computed(() => hotspots.value.filter(isDetectionHotspot))
  /** 高频事件: frequency and cluster hotspots, the ones a dispatcher sends to a department. */
  const automatic = computed(() => hotspots.value.filter(isAutoHotspot))

  const loader = useFollowedLoad({
    // The server looks for automatic hotspots every 30 s by default.
    refreshMs: 30_000,
    maxDelayMs: 60_000,
    onUnauthorized: () => useAuthStore().logout(),
    load: async (isCurrent) => {
      const query = street.value ? `?street=${street.value}` : ''
      const reply = await requestJson<{ hotspots: AnyHotspot[] }>(`/api/v1/hotspots${query}`, { token: useAuthStore().token })
      if (isCurrent()) hotspots.value = reply.hotspots
    },
  })

  let following = false

  /**
   * Loads the hotspots of `scope` (a street id, or null for the user's scope) and keeps them fresh
   * until `stop()`. Following again after a stop loads at once: the list may be another page's or user's.
   */
  function follow(scope: string | null = null): void {
    const moved = scope !== street.value
    if (moved) {
      street.value = scope
      hotspots.value = []
    }
    if (moved || !following) loader.reload()
    following = true
    loader.follow()
  }

  function stop(): void {
    following = false
    loader.stop()
  }

  /** Puts a hotspot the server has just answered with (one sent to its department) in place, before the next load. */
  function put(h: AnyHotspot): void {
    if (hotspots.value.some((x) => x.id === h.id)) hotspots.value = hotspots.value.map((x) => (x.id === h.id ? h : x))
  }

  return { hotspots, street, detection, automatic, status: loader.status, follow, reload: loader.reload, stop, put }
})
