/** A clock ref that ticks while the component is mounted. */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export function useNow(intervalMs = 1_000): Ref<number> {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    now.value = Date.now()
    // Align ticks to the second so the clock never skips a digit.
    const align = intervalMs - (Date.now() % intervalMs)
    timer = setTimeout(() => {
      now.value = Date.now()
      timer = setInterval(() => (now.value = Date.now()), intervalMs)
    }, align)
  })
  onBeforeUnmount(() => {
    clearTimeout(timer)
    clearInterval(timer)
  })
  return now
}
