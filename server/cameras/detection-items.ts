/**
 * From a camera platform's detection to the canonical ingest item, and the detection source's
 * pipeline step: every detection, whichever door it came in by, must name a registered camera and a
 * usable box, and leaves with the camera's name and whether it alerts (confidence at or above the
 * threshold). Below the threshold it is still stored, as a `minor` event that raises nothing.
 */
import { createHash } from 'node:crypto'
import type { Camera, DetectionMessage } from '../../domain/cameras.ts'
import { bboxProblem, type Bbox } from '../../domain/detection-frame.ts'
import type { IngestItem } from '../../domain/event.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import type { ItemError } from '../../domain/validate-batch.ts'
import type { SourcePrepared } from '../plugins/pipeline.ts'

export type DetectionItem = Extract<IngestItem, { source: 'detection' }>

export interface CameraLookup {
  get(id: string): Camera | undefined
}

/**
 * A detection without the platform's own id gets one from what it says, so a platform that re-sends
 * the same detection (same camera, kind, instant and box) is told it is a duplicate.
 *
 * @example
 * detectionSourceId({ cameraId: 'CAM-510108001-0001', kind: 'stray_dog', at: '2025-05-01T08:00:00+08:00', bbox: [0.1, 0.1, 0.2, 0.2], confidence: 0.9 })
 * // 'det-3f1c…' (32 hex digits)
 */
export function detectionSourceId(m: DetectionMessage): string {
  if (m.detectionId !== undefined) return m.detectionId
  const key = JSON.stringify([m.cameraId, m.kind, new Date(m.at).toISOString(), m.bbox])
  return `det-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`
}

/** Why the message cannot be stored, or undefined; `index` is its place in the batch. */
export function detectionProblems(m: DetectionMessage, index: number, cameras: CameraLookup): ItemError[] {
  const errors: ItemError[] = []
  if (!cameras.get(m.cameraId)) errors.push({ index, path: '/cameraId', message: `unknown camera ${JSON.stringify(m.cameraId)}` })
  const box = bboxProblem(m.bbox)
  if (box) errors.push({ index, path: '/bbox', message: box })
  return errors
}

/**
 * The ingest item for a checked message, at its camera's location. The pipeline step completes
 * `cameraName` and `alerting` as it does for items from `POST /api/v1/events`.
 */
export function detectionItem(m: DetectionMessage, camera: Camera): DetectionItem {
  const label = findCategory('detection', m.kind)?.zh ?? m.kind
  const attrs: DetectionItem['attrs'] = { cameraId: camera.id, confidence: m.confidence, bbox: m.bbox }
  if (m.snapshotUrl !== undefined) attrs.snapshotUrl = m.snapshotUrl
  if (m.clipUrl !== undefined) attrs.clipUrl = m.clipUrl
  return {
    source: 'detection',
    sourceId: detectionSourceId(m),
    category: m.kind as DetectionItem['category'],
    occurredAt: m.at,
    location: { ...camera.location },
    title: `${camera.name} ${label}`,
    attrs,
  }
}

/**
 * The detection source's pipeline step: refuses unknown cameras and bad boxes (each by batch index),
 * and completes the rest. A producer's own `alerting` is replaced: the threshold is the server's.
 */
export function completeDetections(items: IngestItem[], indexes: readonly number[], cameras: CameraLookup, threshold: number): SourcePrepared {
  const errors: ItemError[] = []
  const out = items.map((item, k) => {
    if (item.source !== 'detection') return item
    const index = indexes[k] as number
    // Checked against the contract's schema before any step runs.
    const attrs = item.attrs as { cameraId: string; confidence: number; bbox?: Bbox }
    const camera = cameras.get(attrs.cameraId)
    if (!camera) errors.push({ index, path: '/attrs/cameraId', message: `unknown camera ${JSON.stringify(attrs.cameraId)}` })
    const box = attrs.bbox === undefined ? undefined : bboxProblem(attrs.bbox)
    if (box) errors.push({ index, path: '/attrs/bbox', message: box })
    if (!camera || box) return item
    const alerting = attrs.confidence >= threshold
    const completed: DetectionItem = { ...item, attrs: { ...item.attrs, cameraName: camera.name, alerting } }
    if (!alerting) completed.severity = 'minor'
    return completed
  })
  return { items: out, errors }
}
