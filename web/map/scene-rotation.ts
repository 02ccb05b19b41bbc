/**
 * The wall rotates its scenes by itself (DESIGN §1): the map goes from today's events to risk by
 * grid now, then to the 24-hour forecast, a minute each, so an unattended wall shows all three. A
 * person who picks a scene, or drills into the map, holds the rotation for a few minutes; it resumes
 * from whatever they left on screen.
 */
import { MAP_SCENES, type MapScene } from './risk-style.ts'

/** How long each scene stays up while nobody touches the wall. */
export const ROTATE_MS = 60_000
/** How long a person's choice (or a click on the map) holds the rotation. */
export const HOLD_MS = 5 * 60_000

export interface SceneRotation {
  scene: MapScene
  /** When the scene came up (ms since the epoch). */
  since: number
  /** Until when a person holds the scene; 0 when nobody does. */
  heldUntil: number
}

/**
 * The scene after `s` among those the wall can show, in `MAP_SCENES`' order, back to the first
 * after the last.
 *
 * @example
 * nextScene('risk', ['events', 'risk'])  // 'events' (no forecast loaded: it is skipped)
 */
export function nextScene(s: MapScene, shown: readonly MapScene[]): MapScene {
  const from = MAP_SCENES.indexOf(s)
  for (let k = 1; k <= MAP_SCENES.length; k++) {
    const next = MAP_SCENES[(from + k) % MAP_SCENES.length]!
    if (shown.includes(next)) return next
  }
  return 'events'
}

/** The wall at rest: events first. */
export function startRotation(now: number): SceneRotation {
  return { scene: 'events', since: now, heldUntil: 0 }
}

/**
 * When the scene changes next, unless someone touches the wall before.
 *
 * @example
 * nextSwitchAt({ scene: 'events', since: 0, heldUntil: 0 })      // 60_000
 * nextSwitchAt({ scene: 'risk', since: 0, heldUntil: 300_000 })  // 300_000
 */
export function nextSwitchAt(r: SceneRotation): number {
  return Math.max(r.since + ROTATE_MS, r.heldUntil)
}

/**
 * The rotation at `now`: the next of the scenes `shown` once this one is due (no risk picture yet
 * means only events, which then stays a full period more; no forecast loaded means it is skipped).
 */
export function advance(r: SceneRotation, now: number, shown: readonly MapScene[]): SceneRotation {
  if (now < nextSwitchAt(r)) return r
  return { scene: nextScene(r.scene, shown), since: now, heldUntil: 0 }
}

/** A person picked `scene`: it shows now and holds. */
export function choose(r: SceneRotation, scene: MapScene, now: number): SceneRotation {
  return { scene, since: r.scene === scene ? r.since : now, heldUntil: now + HOLD_MS }
}

/** A person touched the map: whatever shows stays while they work. */
export function hold(r: SceneRotation, now: number): SceneRotation {
  return { ...r, heldUntil: Math.max(r.heldUntil, now + HOLD_MS) }
}

/**
 * Something worth seeing in `scene` happened (an early warning raised): it comes up now for a full
 * period, unless a person holds the wall. The scene it cuts short keeps at least half its period, and
 * one already showing is not extended: a busy district raises warnings every minute or so, and the
 * events scene must still be seen.
 */
export function bringForward(r: SceneRotation, scene: MapScene, now: number): SceneRotation {
  if (now < r.heldUntil || r.scene === scene || now - r.since < ROTATE_MS / 2) return r
  return { scene, since: now, heldUntil: 0 }
}
