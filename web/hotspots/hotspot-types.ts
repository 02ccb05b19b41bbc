/**
 * `GET /api/v1/hotspots` lists three kinds told apart by `type`: a camera's detection hotspots, drawn
 * as its rings, and the automatic ones (高频事件) the server finds among people's reports.
 */
import type { Hotspot as DetectionHotspot } from '../../domain/cameras.ts'
import type { AnyHotspot, AutoHotspot } from '../../domain/hotspots.ts'

export const isDetectionHotspot = (h: AnyHotspot): h is DetectionHotspot => h.type === 'detection'

export const isAutoHotspot = (h: AnyHotspot): h is AutoHotspot => h.type === 'frequency' || h.type === 'cluster'
