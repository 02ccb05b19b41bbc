/**
 * Calls `reload` when `source()` changes, spaced at least `minGapMs` apart with the last change
 * always followed by a reload (a busy stream must not turn into a request per frame).
 */
import { onBeforeUnmount, watch } from 'vue'

export function useReloadOnChange(source: () => unknown, reload: () => void, minGapMs: number): void {
  let lastReload = 0
  let trailing: ReturnType<typeof setTimeout> | undefined

  const fire = () => {
    trailing = undefined
    lastReload = Date.now()
    reload()
  }

  watch(source, () => {
    if (trailing) return
    const wait = lastReload + minGapMs - Date.now()
    if (wait <= 0) fire()
    else trailing = setTimeout(fire, wait)
  })

  onBeforeUnmount(() => clearTimeout(trailing))
}
