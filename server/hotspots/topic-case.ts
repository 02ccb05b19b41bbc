/**
 * What a hotspot sent to its department becomes: a topic case (专项工单) at the street, titled so the
 * department sees at once what recurs, where and how often. Its severity is moderate whatever its
 * reports' were: a recurring problem is more than any one report of it.
 */
import type { AnyHotspot } from '../../domain/hotspots.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import type { TopicInput } from '../cases/case-engine.ts'

const KIND: Record<AnyHotspot['type'], string> = { frequency: '高频事件（社区高发）', cluster: '高频事件（集中上报）', detection: 'AI识别热点' }

export function topicOf(h: AnyHotspot): TopicInput {
  const source = h.type === 'detection' ? 'detection' : h.source
  const category = h.type === 'detection' ? h.kind : h.category
  const name = findCategory(source, category)?.zh ?? category
  const hours = Math.max(1, Math.round((Date.parse(h.lastAt) - Date.parse(h.firstAt)) / 3_600_000))
  const title = h.type === 'frequency'
    ? `高频事件：${name} · ${h.areaName}（${h.count} 件，常态约 ${h.expected} 件）`
    : h.type === 'cluster'
      ? `高频事件：${name} · ${h.radiusM} 米范围内 ${h.count} 件`
      : `多发：${name} · ${h.cameraName ?? h.cameraId}（${h.count} 次）`
  return {
    hotspotId: h.id,
    source,
    category,
    severity: 'moderate',
    path: h.path,
    location: h.location,
    title,
    // For people reading the audit: what was found, how many and over how long (the hotspot's id is kept
    // with the case in hotspot_cases).
    note: `${KIND[h.type]}：${name} ${h.count} ${h.type === 'detection' ? '次' : '条'}，${hours} 小时内`,
    // A detection hotspot names no events (its camera's detections are counted, not listed).
    eventIds: h.type === 'detection' ? [] : h.eventIds,
    eventCount: h.type === 'detection' ? 0 : h.count,
  }
}
