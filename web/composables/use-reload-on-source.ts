/**
 * Calls `reload` when an event newer than any seen before arrives on the live feed (of `source`, of
 * one of several sources, or of any source): the server-side list it feeds (warnings, hotspots, the case board) has changed. The
 * first look only records where the feed stands, since the list has just been loaded. With
 * `minGapMs`, reloads are spaced at least that far apart, the last one always made (a busy feed must
 * not turn into a request per frame).
 */
import { watch } from 'vue'
import type { Source } from '../../domain/event.ts'
import { useEventsStore } from '../stores/events.ts'
import { useThrottled } from './use-throttled.ts'

export function useReloadOnSource(source: Source | readonly Source[] | 'any', reload: () => void, minGapMs = 0): void {
  const events = useEventsStore()
  const soon = useThrottled(reload, minGapMs)
  const sources: readonly Source[] | null = source === 'any' ? null : typeof source === 'string' ? [source] : source
  let lastSeq: number | null = null

  watch(
    () => events.feed,
    (feed) => {
      const newest = (sources === null ? feed.at(-1) : feed.findLast((e) => sources.includes(e.source)))?.seq ?? 0
      const changed = lastSeq !== null && newest > lastSeq
      lastSeq = Math.max(lastSeq ?? 0, newest)
      if (changed) soon()
    },
    { immediate: true },
  )
}
