/**
 * Keeps the post's HTTP-loaded cases current from the socket: `cases` frames (kept in
 * stores/cases.ts by useRealtime) trigger a reload when they touch this street, and so do new events
 * (they open and join cases). Units need no reload: the post reads the live units store directly.
 * Reloads are spaced at least `minGapMs` apart, the last one always made, so a busy district does
 * not turn into a request per frame.
 */
import { onBeforeUnmount, watch, type Ref } from 'vue'
import { touchesStreet } from '../post/street-changes.ts'
import { useCasesStore } from '../stores/cases.ts'
import { useReloadOnSource } from './use-reload-on-source.ts'

export function usePostLive(street: Ref<string | null>, reload: () => void, minGapMs = 1_000): void {
  const cases = useCasesStore()
  let last = 0
  let trailing: ReturnType<typeof setTimeout> | undefined

  const fire = () => {
    trailing = undefined
    last = Date.now()
    reload()
  }
  const soon = () => {
    if (trailing) return
    const wait = last + minGapMs - Date.now()
    if (wait <= 0) fire()
    else trailing = setTimeout(fire, wait)
  }

  watch(() => cases.byId, (next, prev) => {
    if (street.value && touchesStreet(prev, next, street.value, (c) => c.path.street)) soon()
  })
  useReloadOnSource('any', soon)

  onBeforeUnmount(() => clearTimeout(trailing))
}
