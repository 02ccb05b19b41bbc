/**
 * A MapLibre map bound to a component's lifetime: created on mount in the given container,
 * removed on unmount (which frees its WebGL context, its workers' tiles and its listeners).
 */
import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { Map as MapLibreMap, type MapOptions } from 'maplibre-gl'

export interface UseMapOptions extends Omit<MapOptions, 'container'> {
  /**
   * Device pixels per CSS pixel of the container. The wall scales its stage with a CSS transform,
   * which MapLibre cannot see, so the canvas resolution is raised to match and stays crisp.
   */
  pixelRatioSource?: () => number
}

export interface UseMap {
  /** The map once created; null before mount and after unmount. */
  map: ShallowRef<MapLibreMap | null>
  /** True once the style has loaded (sources and layers can be added). */
  loaded: Ref<boolean>
}

export function useMap(container: Ref<HTMLElement | null>, options: UseMapOptions): UseMap {
  const map = shallowRef<MapLibreMap | null>(null)
  const loaded = shallowRef(false)
  const { pixelRatioSource, ...mapOptions } = options
  const pixelRatio = (): number | undefined => {
    const ratio = pixelRatioSource?.()
    return ratio !== undefined && ratio > 0 ? ratio : mapOptions.pixelRatio
  }

  onMounted(() => {
    const el = container.value
    if (!el) throw new Error('useMap: the container ref is not bound to an element')
    const m = new MapLibreMap({
      ...mapOptions,
      container: el,
      pixelRatio: pixelRatio(),
    })
    m.once('load', () => {
      loaded.value = true
    })
    map.value = m
    // Reachable from the console and from browser tests, which read the canvas in a render callback.
    ;(window as { __gridwatchMap?: MapLibreMap }).__gridwatchMap = m
  })

  watch(pixelRatio, (ratio) => {
    if (ratio !== undefined) map.value?.setPixelRatio(ratio)
  })

  onBeforeUnmount(() => {
    loaded.value = false
    map.value?.remove()
    map.value = null
    delete (window as { __gridwatchMap?: MapLibreMap }).__gridwatchMap
  })

  return { map, loaded }
}
