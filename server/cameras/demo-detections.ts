/**
 * What the demo simulation's cameras see (the `detection` branch of `simulations/generators/
 * normal-day.ts`): detections at real registry cameras, with a box, a confidence, and the URLs of
 * this server's generated snapshot and clip stand-in. A few seeded trouble spots (a park gate where
 * dogs are walked off the leash, a market where strays gather) get a steady share of the
 * detections, so the wall shows hotspots forming; the rest fall on any camera in the chosen street.
 */
import type { Camera } from '../../domain/cameras.ts'
import type { Bbox } from '../../domain/detection-frame.ts'
import { createRandom, type DistrictHierarchy, type Random } from '../../geo/index.ts'
import { camerasForDistrict } from './cameras-for-district.ts'
import { snapshotUrls } from './snapshot-url.ts'

type Kind = 'dog_unleashed' | 'stray_dog'

/** Trouble spots in the district, and the share of detections they get. */
const TROUBLE_SPOTS = 8
const TROUBLE_SHARE = 0.35

export interface DetectionShot {
  camera: Camera
  kind: Kind
  attrs: { cameraId: string; confidence: number; bbox: Bbox; snapshotUrl?: string; clipUrl?: string }
  /** Adds the snapshot and clip URLs, once the event's id and time are known. */
  finish(sourceId: string, occurredAt: Date): void
}

export interface DetectionPicker {
  pick(rng: Random, streetId: string): DetectionShot
}

/**
 * @example
 * const picker = createDetectionPicker(district, 'chenghua-510108')
 * const shot = picker.pick(rng, '510108001') // { camera: { id: 'CAM-510108001-0042', … }, kind: 'dog_unleashed', attrs: { … } }
 */
export function createDetectionPicker(district: DistrictHierarchy, seed: string): DetectionPicker {
  // Built on the first detection: in the server's process the registry is ready by then (no second generation).
  let state: { byStreet: Map<string, Camera[]>; all: readonly Camera[]; hot: { camera: Camera; kind: Kind }[] } | undefined
  const load = () => {
    if (state) return state
    const all = camerasForDistrict(district, seed)
    const byStreet = new Map<string, Camera[]>()
    for (const c of all) byStreet.set(c.path.street ?? '', [...(byStreet.get(c.path.street ?? '') ?? []), c])
    const spots = createRandom(seed).fork('detection-hotspots')
    const candidates = all.filter((c) => c.siteKind === 'park' || c.siteKind === 'market')
    const hot = Array.from({ length: Math.min(TROUBLE_SPOTS, candidates.length) }, () => {
      const camera = spots.pick(candidates)
      return { camera, kind: (camera.siteKind === 'park' ? 'dog_unleashed' : 'stray_dog') as Kind }
    })
    return (state = { byStreet, all, hot })
  }

  return {
    pick(rng, streetId) {
      const { byStreet, all, hot } = load()
      let camera: Camera
      let kind: Kind
      if (hot.length > 0 && rng.next() < TROUBLE_SHARE) {
        ;({ camera, kind } = rng.pick(hot))
      } else {
        const own = byStreet.get(streetId)
        camera = rng.pick(own && own.length > 0 ? own : all)
        // Off-leash dogs are walked in parks and past gates; strays roam markets and streets.
        const leashy = camera.siteKind === 'park' || camera.siteKind === 'compound_gate' ? 0.75 : 0.35
        kind = rng.next() < leashy ? 'dog_unleashed' : 'stray_dog'
      }
      const w = round3(rng.range(0.08, 0.2))
      const h = round3(Math.min(0.5, w * rng.range(1.1, 1.6)))
      const bbox: Bbox = [round3(rng.range(0.02, 0.98 - w)), round3(rng.range(0.4, 0.98 - h)), w, h]
      // Mostly confident; about one in eight below the default alert threshold (0.6), stored quietly.
      const confidence = Math.round(rng.range(0.45, 0.99) * 100) / 100
      const attrs: DetectionShot['attrs'] = { cameraId: camera.id, confidence, bbox }
      return {
        camera, kind, attrs,
        finish(sourceId, occurredAt) {
          Object.assign(attrs, snapshotUrls({ cameraId: camera.id, detectionId: sourceId, kind, at: occurredAt.toISOString(), bbox, confidence }))
        },
      }
    },
  }
}

const round3 = (v: number) => Math.round(v * 1000) / 1000
