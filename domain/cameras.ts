/**
 * AI cameras (AI识别, DESIGN §2.2): the camera registry, the message a camera platform posts to
 * `POST /api/v1/detections`, and the detection hotspots (§2.4) that repeated detections form.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LngLat, Path, Timestamp } from './event.ts'
import { Bbox, MediaUrl } from './detection-frame.ts'
import { TAXONOMY } from './taxonomy.ts'

export { Bbox, MediaUrl, bboxProblem } from './detection-frame.ts'

/** Where a camera is mounted; the wall and the snapshots draw a different scene for each. */
export const CAMERA_SITE_KINDS = ['park', 'street', 'compound_gate', 'school', 'market'] as const
export const CameraSiteKind = Type.Union(CAMERA_SITE_KINDS.map((k) => Type.Literal(k)))
export type CameraSiteKind = (typeof CAMERA_SITE_KINDS)[number]

/**
 * A camera's id as its video platform names it (a GB/T 28181 code, say). The demo's generated ones are
 * `CAM-` + the street's id + a four-digit number within the street.
 */
export const CAMERA_ID_PATTERN = '^[A-Za-z0-9_.:-]{1,64}$'

export const Camera = Type.Object({
  id: Type.String({ pattern: CAMERA_ID_PATTERN, examples: ['CAM-510108001-0042'] }),
  /** The point's name as an operator knows it: `猛追湾公园东门`, `建设路小区南门`. */
  name: Type.String(),
  location: LngLat,
  siteKind: CameraSiteKind,
  /** The dedicated grid or compound it watches; absent for street cameras. */
  siteId: Type.Optional(Type.String()),
  path: Path,
})
export type Camera = Static<typeof Camera>

export const DetectionKind = Type.Union(TAXONOMY.detection.map((d) => Type.Literal(d.code as string)))

/** One detection as a camera platform sends it to `POST /api/v1/detections`. */
export const DetectionMessage = Type.Object(
  {
    cameraId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: DetectionKind,
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    at: Timestamp,
    bbox: Bbox,
    snapshotUrl: Type.Optional(MediaUrl),
    clipUrl: Type.Optional(MediaUrl),
    /** The platform's own id for this detection: the idempotency key (the event's `sourceId`). */
    detectionId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
)
export type DetectionMessage = Static<typeof DetectionMessage>

/** Repeated alerting detections of one kind at one camera within the window (DESIGN §2.4). */
export const Hotspot = Type.Object({
  /** What formed it: `GET /api/v1/hotspots` also lists the automatic hotspots (domain/hotspots.ts). */
  type: Type.Literal('detection'),
  /** `HS-` + camera id + kind + the first detection's time in ms, so a rebuilt hotspot keeps its id. */
  id: Type.String(),
  cameraId: Type.String(),
  kind: Type.String(),
  /** Alerting detections that belong to it, the ones that formed it included. */
  count: Type.Integer({ minimum: 1 }),
  firstAt: Type.String(),
  lastAt: Type.String(),
  /** `lastAt` plus the window: when it stops being active unless another detection comes. */
  expiresAt: Type.String(),
  location: LngLat,
  path: Path,
  cameraName: Type.Optional(Type.String()),
  /** The topic case it was sent to a department as (`POST /api/v1/hotspots/:id/dispatch`), once it has been. */
  caseId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
})
export type Hotspot = Static<typeof Hotspot>
