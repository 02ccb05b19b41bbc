/**
 * Where the demo's generated snapshot and clip stand-in of a detection are served
 * (`server/routes/snapshots.ts`). The query carries what the picture burns in, so the image is fully
 * determined by its URL and needs no lookup; the simulation builds these for the detections it posts.
 */
import type { Bbox } from '../../domain/detection-frame.ts'

export const SNAPSHOT_PREFIX = '/api/v1/snapshots'

export interface SnapshotRef {
  cameraId: string
  detectionId: string
  kind?: string
  at?: string
  bbox?: Bbox
  confidence?: number
}

/**
 * @example
 * snapshotUrls({ cameraId: 'CAM-510108001-0001', detectionId: 'd 1', kind: 'stray_dog' })
 * // { snapshotUrl: '/api/v1/snapshots/CAM-510108001-0001/d%201.svg?kind=stray_dog',
 * //   clipUrl: '/api/v1/snapshots/CAM-510108001-0001/d%201.clip?kind=stray_dog' }
 */
export function snapshotUrls(ref: SnapshotRef): { snapshotUrl: string; clipUrl: string } {
  const q = new URLSearchParams()
  if (ref.kind !== undefined) q.set('kind', ref.kind)
  if (ref.at !== undefined) q.set('at', ref.at)
  if (ref.bbox !== undefined) q.set('bbox', ref.bbox.join(','))
  if (ref.confidence !== undefined) q.set('confidence', String(ref.confidence))
  const qs = q.toString()
  const query = qs === '' ? '' : `?${qs}`
  const base = `${SNAPSHOT_PREFIX}/${encodeURIComponent(ref.cameraId)}/${encodeURIComponent(ref.detectionId)}`
  return { snapshotUrl: `${base}.svg${query}`, clipUrl: `${base}.clip${query}` }
}
