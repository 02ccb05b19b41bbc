/** The wall stage's fit to the window, kept current as the window (or the LED controller) resizes. */
import { computed, onBeforeUnmount, onMounted, ref, type ComputedRef } from 'vue'
import { wallFit, type WallFit } from '../layout/wall-scale.ts'

export interface UseWallFit {
  fit: ComputedRef<WallFit>
  /** Device pixels per design pixel: what a canvas on the stage needs to stay sharp. */
  stagePixelRatio: ComputedRef<number>
}

export function useWallFit(): UseWallFit {
  const width = ref(window.innerWidth)
  const height = ref(window.innerHeight)
  const dpr = ref(window.devicePixelRatio || 1)

  function measure(): void {
    width.value = window.innerWidth
    height.value = window.innerHeight
    dpr.value = window.devicePixelRatio || 1
  }

  onMounted(() => {
    measure()
    window.addEventListener('resize', measure)
  })
  onBeforeUnmount(() => window.removeEventListener('resize', measure))

  const fit = computed(() => wallFit(width.value, height.value))
  // Capped: a 4K wall at 2× needs no more than 2–3 device pixels per design pixel.
  const stagePixelRatio = computed(() => Math.min(Math.max(fit.value.scale * dpr.value, 1), 3))
  return { fit, stagePixelRatio }
}
