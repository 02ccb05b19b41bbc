/**
 * AI cameras (AI识别, DESIGN §2.2): the camera registry, the detection source's pipeline step, and the
 * index of active detection hotspots (§2.4).
 *
 * The registry lives in memory and is made at every boot: read from the district's `CAMERAS_FILE` in
 * production (none without it), regenerated from the seed and the sites in the demo (~40 ms for 1,200
 * cameras), so there is nothing to migrate or keep in step. The hotspot index is rebuilt at boot from
 * the store's recent detection events, then follows the bus, so it counts each stored detection once
 * whichever door it came in by, and never a refused or duplicate one.
 */
import fp from 'fastify-plugin'
import type { Camera, Hotspot } from '../../domain/cameras.ts'
import type { StoredEvent } from '../../domain/event.ts'
import { rememberCameras } from '../cameras/cameras-for-district.ts'
import { completeDetections } from '../cameras/detection-items.ts'
import { createHotspotIndex, type AlertingDetection } from '../cameras/detection-hotspots.ts'
import { generateCameras } from '../cameras/generate-cameras.ts'
import { loadCamerasFile } from '../cameras/cameras-file.ts'

export interface CameraRegistry {
  get(id: string): Camera | undefined
  /** In id order; one street's only when `street` is given. */
  list(street?: string): readonly Camera[]
  /** The active detection hotspots at `now`, oldest first; one street's only when `street` is given. */
  hotspots(now: Date, street?: string): Hotspot[]
  /** The confidence at or above which a detection alerts. */
  readonly alertConfidence: number
}

declare module 'fastify' {
  interface FastifyInstance {
    cameras: CameraRegistry
  }
}

/** How far back the boot rebuild reads; a hotspot still growing after a day keeps a later `firstAt`. */
const REBUILD_HORIZON_MS = 24 * 3_600_000
const REBUILD_LIMIT = 200_000

export default fp(
  async (fastify) => {
    const { config, district, sites, locator, store, bus, pipeline } = fastify
    const started = performance.now()
    /**
     * Production uses the district's own cameras (`CAMERAS_FILE`), or none; the demo generates its
     * 1,200 and shares them with the in-process simulation, which posts detections from them.
     */
    function registryCameras(): Camera[] {
      if (config.CAMERAS_FILE) return loadCamerasFile(config.CAMERAS_FILE, (lng, lat) => locator.locate(lng, lat))
      if (config.GRIDWATCH_MODE !== 'demo') return []
      const generated = generateCameras(district, sites, { seed: config.GRIDWATCH_SEED, locator })
      rememberCameras(district, config.GRIDWATCH_SEED, generated)
      return generated
    }
    const all = registryCameras()
    const byId = new Map(all.map((c) => [c.id, c]))
    const byStreet = new Map<string, Camera[]>()
    for (const c of all) {
      const street = c.path.street ?? ''
      const list = byStreet.get(street) ?? []
      list.push(c)
      byStreet.set(street, list)
    }

    const threshold = config.DETECTION_ALERT_CONFIDENCE
    pipeline.addSourceStep('detection', (items, indexes) => completeDetections(items, indexes, byId, threshold))

    const windowMs = config.HOTSPOT_WINDOW_MIN * 60_000
    const index = createHotspotIndex({ windowMs, minDetections: config.HOTSPOT_MIN_DETECTIONS })
    const alerting = (e: StoredEvent): AlertingDetection | undefined => {
      if (e.source !== 'detection') return undefined
      const cameraId = e.attrs.cameraId
      // Events stored before the threshold existed carry no `alerting`; their confidence decides.
      const alerts = typeof e.attrs.alerting === 'boolean' ? e.attrs.alerting : Number(e.attrs.confidence) >= threshold
      if (!alerts || typeof cameraId !== 'string' || !byId.has(cameraId)) return undefined
      return { eventId: e.id, cameraId, kind: e.category, at: Date.parse(e.occurredAt) }
    }
    const recent = store.search({ source: 'detection', occurredFrom: new Date(Date.now() - REBUILD_HORIZON_MS).toISOString(), limit: REBUILD_LIMIT })
    for (const e of recent) {
      const d = alerting(e)
      if (d) index.add(d)
    }
    const unsubscribe = bus.subscribe((events) => {
      for (const e of events) {
        const d = alerting(e)
        if (d) index.add(d)
      }
    })
    fastify.addHook('onClose', async () => unsubscribe())

    fastify.decorate('cameras', {
      get: (id) => byId.get(id),
      list: (street) => (street === undefined ? all : (byStreet.get(street) ?? [])),
      hotspots(now, street) {
        const out: Hotspot[] = []
        for (const h of index.active(now.getTime())) {
          const camera = byId.get(h.cameraId) as Camera
          if (street !== undefined && camera.path.street !== street) continue
          out.push({
            type: 'detection', id: h.id, cameraId: h.cameraId, kind: h.kind, count: h.count,
            firstAt: new Date(h.firstAt).toISOString(), lastAt: new Date(h.lastAt).toISOString(), expiresAt: new Date(h.expiresAt).toISOString(),
            location: camera.location, path: camera.path, cameraName: camera.name,
          })
        }
        return out
      },
      alertConfidence: threshold,
    } satisfies CameraRegistry)
    fastify.log.info({ ms: Math.round(performance.now() - started), cameras: all.length, recentDetections: recent.length }, 'cameras ready')
  },
  { name: 'cameras', dependencies: ['config', 'district', 'sites', 'store', 'bus', 'pipeline'] },
)
