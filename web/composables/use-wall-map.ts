/**
 * The district map on the wall's stage (the wall's own, the replay's): a `useMap` opened on the district
 * with no gestures, since nobody touches a big screen and none may leave it panned away from the
 * district; its canvas as sharp as the stage's scale needs; the offline basemap beneath its layers.
 */
import type { Ref } from 'vue'
import { baseStyle } from '../map/district-style.ts'
import { useBasemap } from './use-basemap.ts'
import { useMap, type UseMap } from './use-map.ts'
import { useWallFit } from './use-wall-fit.ts'

export function useWallMap(container: Ref<HTMLElement | null>): UseMap {
  const { stagePixelRatio } = useWallFit()
  const { map, loaded } = useMap(container, {
    style: baseStyle(),
    center: [104.1, 30.67],
    zoom: 10.5,
    attributionControl: false,
    dragPan: false,
    dragRotate: false,
    scrollZoom: false,
    boxZoom: false,
    doubleClickZoom: false,
    keyboard: false,
    touchZoomRotate: false,
    touchPitch: false,
    fadeDuration: 0,
    pixelRatioSource: () => stagePixelRatio.value,
  })
  useBasemap(map, loaded)
  return { map, loaded }
}
