/**
 * Keeps the hotspots store current for a component's life, over the user's scope or one street: loaded
 * on a timer (stores/hotspots.ts), at once when a camera detection arrives (it may form or extend a
 * detection hotspot), and when people's reports arrive (12345, grid workers: the stuff of 高频事件)
 * a gap later, at most once per gap: the server looks for those on a clock of its own, so a reload at
 * once would only fetch the list as it was.
 */
import { onBeforeUnmount, watch, type Ref } from 'vue'
import { useHotspotsStore } from '../stores/hotspots.ts'
import { useReloadOnSource } from './use-reload-on-source.ts'
import { useThrottled } from './use-throttled.ts'

/** After people's reports arrive, the list is loaded again this much later. */
const REPORTS_GAP_MS = 20_000

/** The user's whole scope, or (given `street`) that street's once it names one. */
export function useFollowedHotspots(street?: Ref<string | null>): void {
  const store = useHotspotsStore()
  if (!street) store.follow(null)
  else watch(street, (id) => (id ? store.follow(id) : store.stop()), { immediate: true })
  useReloadOnSource('detection', store.reload)
  useReloadOnSource(['hotline', 'incident'], useThrottled(store.reload, REPORTS_GAP_MS, { leading: false }))
  onBeforeUnmount(() => store.stop())
}
