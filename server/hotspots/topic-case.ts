/**
 * What a hotspot sent to its department becomes: a topic case (专项工单) at the street, titled so the
 * department sees at once what recurs, where and how often. Its severity is at least moderate: a
 * recurring problem is more than any one report of it.
 */
import type { AnyHotspot } from '../../domain/hotspots.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import type { TopicInput } from '../cases/case-engine.ts'

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
    note: `${h.id}：${h.count} 条，${hours} 小时内`,
  }
}
