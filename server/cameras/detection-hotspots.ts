/**
 * Detection hotspots (DESIGN §2.2, §2.4): one camera that keeps seeing the same thing. At least
 * `minDetections` alerting detections of one kind at one camera within `windowMs` form a hotspot; it
 * stays active, and grows, while further ones come within `windowMs` of the last, and it ends
 * `windowMs` after the last. Pure: the cameras plugin feeds it stored events and asks for the active ones.
 */

export interface HotspotSettings {
  windowMs: number
  minDetections: number
}

/** One stored, alerting detection; `at` is its `occurredAt` in ms. */
export interface AlertingDetection {
  eventId: string
  cameraId: string
  kind: string
  at: number
}

/** A stretch of detections that formed a hotspot, in ms. */
export interface HotspotRun {
  count: number
  firstAt: number
  lastAt: number
  expiresAt: number
}

export interface ActiveHotspot extends HotspotRun {
  /** `HS-` + camera + kind + `firstAt`: the same after a restart, since it depends only on the detections. */
  id: string
  cameraId: string
  kind: string
}

/**
 * The hotspots that detections at these times form, oldest first. `times` must be sorted ascending.
 *
 * @example
 * hotspotRuns([0, 60_000, 120_000, 9e6], { windowMs: 1_800_000, minDetections: 3 })
 * // [{ count: 3, firstAt: 0, lastAt: 120000, expiresAt: 1920000 }]
 */
export function hotspotRuns(times: readonly number[], { windowMs, minDetections }: HotspotSettings): HotspotRun[] {
  const runs: HotspotRun[] = []
  let run: HotspotRun | undefined
  let lo = 0
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number
    if (run && t - run.lastAt <= windowMs) {
      run.count++
      run.lastAt = t
      run.expiresAt = t + windowMs
      continue
    }
    run = undefined
    while ((times[lo] as number) < t - windowMs) lo++
    if (i - lo + 1 >= minDetections) {
      run = { count: i - lo + 1, firstAt: times[lo] as number, lastAt: t, expiresAt: t + windowMs }
      runs.push(run)
    }
  }
  return runs
}

interface Track {
  cameraId: string
  kind: string
  times: number[]
  ids: Set<string>
}

/** Detections kept per camera and kind at most; a camera firing this often is already a hotspot. */
const MAX_TRACKED = 5000

export interface HotspotIndex {
  /** Adds a detection; the same `eventId` twice counts once. */
  add(d: AlertingDetection): void
  /** The hotspots active at `now` (ms), oldest first; forgets what can no longer matter. */
  active(now: number): ActiveHotspot[]
  /** Cameras and kinds tracked (for tests and metrics). */
  size(): number
}

/**
 * @example
 * const index = createHotspotIndex({ windowMs: 30 * 60_000, minDetections: 3 })
 * index.add({ eventId: 'e1', cameraId: 'CAM-510108001-0001', kind: 'dog_unleashed', at: Date.now() })
 * index.active(Date.now()) // [] until two more come within 30 minutes
 */
export function createHotspotIndex(settings: HotspotSettings): HotspotIndex {
  if (!(settings.windowMs > 0) || !Number.isSafeInteger(settings.minDetections) || settings.minDetections < 1) {
    throw new RangeError('windowMs must be > 0 and minDetections an integer >= 1')
  }
  const tracks = new Map<string, Track>()

  return {
    add(d) {
      const key = `${d.cameraId}\u0000${d.kind}`
      let track = tracks.get(key)
      if (!track) tracks.set(key, (track = { cameraId: d.cameraId, kind: d.kind, times: [], ids: new Set() }))
      if (track.ids.has(d.eventId)) return
      track.ids.add(d.eventId)
      // Detections arrive nearly in order, so the insertion point is almost always the end.
      let i = track.times.length
      while (i > 0 && (track.times[i - 1] as number) > d.at) i--
      track.times.splice(i, 0, d.at)
      forgetBeforeLastBreak(track, settings.windowMs)
    },
    active(now) {
      const out: ActiveHotspot[] = []
      for (const [key, track] of tracks) {
        const last = track.times.at(-1)
        if (last === undefined || last + settings.windowMs <= now) {
          // Nothing here can be active now or join a later hotspot, except a detection that arrives late.
          tracks.delete(key)
          continue
        }
        const run = hotspotRuns(track.times, settings).at(-1)
        if (run && run.expiresAt > now) {
          out.push({ id: `HS-${track.cameraId}-${track.kind}-${run.firstAt}`, cameraId: track.cameraId, kind: track.kind, ...run })
        }
      }
      return out.sort((a, b) => a.firstAt - b.firstAt || (a.id < b.id ? -1 : 1))
    },
    size: () => tracks.size,
  }
}

/**
 * Drops the detections before the last gap longer than the window: no later detection can join them
 * to a hotspot. (One that arrives late and falls inside that gap is judged without them.)
 */
function forgetBeforeLastBreak(track: Track, windowMs: number): void {
  const { times } = track
  let cut = 0
  for (let j = times.length - 1; j > 0; j--) {
    if ((times[j] as number) - (times[j - 1] as number) > windowMs) {
      cut = j
      break
    }
  }
  cut = Math.max(cut, times.length - MAX_TRACKED)
  if (cut > 0) {
    times.splice(0, cut)
    // The ids only guard against counting one event twice; a forgotten one is too old to come back as new.
    if (track.ids.size > times.length * 2 + 16) track.ids = new Set([...track.ids].slice(-times.length))
  }
}
