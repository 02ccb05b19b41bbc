/**
 * Automatic hotspots (高频事件, DESIGN §2.4): high-frequency issues the system finds by itself among the
 * reports of people (12345 calls and grid workers' reports; sensors and cameras have alarms and
 * detection hotspots of their own):
 *   - `frequency`: a category whose count in a community over the last `HOTSPOT_AUTO_WINDOW_H` hours is
 *     well above that community's baseline for it (its own daily mean over up to 28 previous days; while
 *     there are fewer than 3 full days of history, the mean of the district's other communities in the
 *     same window);
 *   - `cluster`: at least 5 reports of one category within 150 m of one another in the window
 *     (density-based clustering, DBSCAN), wherever they fall.
 * At most 50 are active at once: the strongest against what was expected, and every one already sent.
 * Either can be sent to the category's department in one click: that opens a topic case (专项工单) at the
 * street, and the hotspot then names it.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LngLat, Path, Source } from './event.ts'
import { Hotspot as DetectionHotspot } from './cameras.ts'

const When = Type.String({ description: 'ISO-8601' })

const Common = {
  /** Stable while the hotspot lasts: `HF-` + community + category key, or `HC-` + category key + its first event's id. */
  id: Type.String(),
  source: Source,
  category: Type.String(),
  /** Reports in the window. */
  count: Type.Integer({ minimum: 1 }),
  firstAt: When,
  lastAt: When,
  location: LngLat,
  path: Path,
  /** The latest of its reports' event ids (at most 50). */
  eventIds: Type.Array(Type.String()),
  /** When it was first found. */
  detectedAt: When,
  /** The topic case it was sent to the department as, once it has been. */
  caseId: Type.Union([Type.String(), Type.Null()]),
}

export const FrequencyHotspot = Type.Object({
  type: Type.Literal('frequency'),
  ...Common,
  /** The community (社区) it is counted in. */
  areaId: Type.String(),
  areaName: Type.String(),
  /** The count the baseline expects in a window of this length. */
  expected: Type.Number({ minimum: 0 }),
  /** `own`: the community's own history; `district`: the district's mean per community (too little history yet). */
  baseline: Type.Union([Type.Literal('own'), Type.Literal('district')]),
})
export type FrequencyHotspot = Static<typeof FrequencyHotspot>

export const ClusterHotspot = Type.Object({
  type: Type.Literal('cluster'),
  ...Common,
  /** From the cluster's centre (its `location`) to its farthest report, metres. */
  radiusM: Type.Number({ minimum: 0 }),
})
export type ClusterHotspot = Static<typeof ClusterHotspot>

export const AutoHotspot = Type.Union([FrequencyHotspot, ClusterHotspot])
export type AutoHotspot = Static<typeof AutoHotspot>

/** Everything `GET /api/v1/hotspots` lists, told apart by `type`. */
export const AnyHotspot = Type.Union([DetectionHotspot, FrequencyHotspot, ClusterHotspot])
export type AnyHotspot = Static<typeof AnyHotspot>
