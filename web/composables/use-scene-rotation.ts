/**
 * The map's scene (事件, 风险 or 预测) for as long as the calling component is mounted: rotating by itself
 * (map/scene-rotation.ts), held when a person picks one or touches the map. One timer, set for the
 * next switch, so a wall at rest wakes once a minute and not every second.
 */
import { computed, onBeforeUnmount, onMounted, shallowRef, type ComputedRef } from 'vue'
import type { MapScene } from '../map/risk-style.ts'
import {
  advance, bringForward as bring, choose as pick, hold as holdFor, nextSwitchAt, startRotation,
} from '../map/scene-rotation.ts'

export interface UseSceneRotation {
  /** The scene shown: always one of `shown()`, `events` when the rotation's is not among them. */
  scene: ComputedRef<MapScene>
  /** A person picked a scene. */
  choose(scene: MapScene): void
  /** A person touched the map: whatever shows holds. */
  hold(): void
  /** Show `scene` now unless a person holds the wall. */
  bringForward(scene: MapScene): void
}

/** `shown`: the scenes the wall can show now (`events` always; the others once there is data for them). */
export function useSceneRotation(shown: () => readonly MapScene[]): UseSceneRotation {
  const rotation = shallowRef(startRotation(Date.now()))
  let timer: ReturnType<typeof setTimeout> | undefined

  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(() => {
      rotation.value = advance(rotation.value, Date.now(), shown())
      schedule()
    }, Math.max(0, nextSwitchAt(rotation.value) - Date.now()))
  }

  function update(next: typeof rotation.value): void {
    if (next === rotation.value) return
    rotation.value = next
    schedule()
  }

  onMounted(schedule)
  onBeforeUnmount(() => clearTimeout(timer))

  return {
    scene: computed(() => (shown().includes(rotation.value.scene) ? rotation.value.scene : 'events')),
    choose: (scene) => update(pick(rotation.value, scene, Date.now())),
    hold: () => update(holdFor(rotation.value, Date.now())),
    bringForward: (scene) => update(bring(rotation.value, scene, Date.now())),
  }
}
