/**
 * What every detail drawer does with the keyboard: Esc closes it, and focus moves into it when it
 * opens, so a keyboard user lands on it (and Esc is heard however it opened).
 */
import { nextTick, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

export function useDrawerFocus(selection: { readonly selectedId: string | null; close(): void }, root: Ref<HTMLElement | null>): void {
  function onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && selection.selectedId !== null) selection.close()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))

  watch(
    () => selection.selectedId,
    async (id) => {
      if (!id) return
      await nextTick()
      root.value?.focus({ preventScroll: true })
    },
  )
}
