/**
 * Calls `reload` when an event of `source` newer than any seen before arrives on the live feed: the
 * server-side list it feeds (warnings, hotspots) has changed. The first look only records where the
 * feed stands, since the list has just been loaded.
 */
import { watch } from 'vue'
import type { Source } from '../../domain/event.ts'
import { useEventsStore } from '../stores/events.ts'

export function useReloadOnSource(source: Source, reload: () => void): void {
  const events = useEventsStore()
  let lastSeq: number | null = null
  watch(
    () => events.feed,
    (feed) => {
      const newest = feed.findLast((e) => e.source === source)?.seq ?? 0
      if (lastSeq !== null && newest > lastSeq) reload()
      lastSeq = Math.max(lastSeq ?? 0, newest)
    },
    { immediate: true },
  )
}
