import { describe, expect, it } from 'vitest'
import type { AnyHotspot } from '../../domain/hotspots.ts'
import { topicOf } from './topic-case.ts'

const common = {
  count: 12, firstAt: '2026-12-07T01:00:00Z', lastAt: '2026-12-07T04:00:00Z', location: { lng: 104.1, lat: 30.67 },
  path: { district: '510108', street: '510108001', community: '510108001002', grid: null, microgrid: null },
  eventIds: [], detectedAt: '2026-12-07T04:00:00Z', caseId: null,
}

describe('topicOf', () => {
  it('titles a frequency hotspot with what, where and against what usual, at moderate severity', () => {
    const t = topicOf({ ...common, type: 'frequency', id: 'HF-1', source: 'hotline', category: 'noise', areaId: '510108001002', areaName: '桂华桥社区', expected: 0.8, baseline: 'own' })
    expect(t).toMatchObject({ hotspotId: 'HF-1', source: 'hotline', category: 'noise', severity: 'moderate', path: common.path })
    expect(t.title).toBe('高频事件：噪声扰民 · 桂华桥社区（12 件，常态约 0.8 件）')
    expect(t.note).toBe('高频事件（社区高发）：噪声扰民 12 条，3 小时内')
  })

  it('titles a cluster by its radius, and a detection hotspot by its camera', () => {
    expect(topicOf({ ...common, type: 'cluster', id: 'HC-1', source: 'incident', category: 'environment', radiusM: 35 }).title)
      .toBe('高频事件：环境卫生 · 35 米范围内 12 件')
    const d = topicOf({ ...common, type: 'detection', id: 'HS-1', cameraId: 'CAM-1', kind: 'dog_unleashed', cameraName: '九里巷公园南门', expiresAt: common.lastAt } as AnyHotspot)
    expect(d).toMatchObject({ source: 'detection', category: 'dog_unleashed' })
    expect(d.title).toBe('多发：犬类未系绳 · 九里巷公园南门（12 次）')
    expect(d.note).toBe('AI识别热点：犬类未系绳 12 次，3 小时内')
  })
})
