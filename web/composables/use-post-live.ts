/**
 * Keeps the post's HTTP-loaded cases current from the socket: `cases` frames (kept in
 * stores/cases.ts by useRealtime) trigger a reload when they touch this street, and so do new events
 * (they open and join cases). Units need no reload: the post reads the live units store directly.
 * Reloads are spaced at least `minGapMs` apart, the last one always made, so a busy district does
 * not turn into a request per frame.
 */
import { watch, type Ref } from 'vue'
import { touchesStreet } from '../post/street-changes.ts'
import { useCasesStore } from '../stores/cases.ts'
import { useReloadOnSource } from './use-reload-on-source.ts'
import { useThrottled } from './use-throttled.ts'

export function usePostLive(street: Ref<string | null>, reload: () => void, minGapMs = 1_000): void {
  const cases = useCasesStore()
  // One throttle for both triggers: a call that opens a case sends an event and a cases frame at once.
  const soon = useThrottled(reload, minGapMs)

  watch(() => cases.byId, (next, prev) => {
    if (street.value && touchesStreet(prev, next, street.value, (c) => c.path.street)) soon()
  })
  useReloadOnSource('any', soon)
}
