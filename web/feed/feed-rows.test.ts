import { describe, expect, it } from 'vitest'
import { makeEvent } from '../testing/event-fixture.ts'
import { categoryLabel, feedRows, isFeedWorthy } from './feed-rows.ts'

const names = new Map([['510108001', '猛追湾街道']])
const streetName = (id: string) => names.get(id)

describe('categoryLabel', () => {
  it('reads the taxonomy in the locale', () => {
    expect(categoryLabel('sensor', 'smoke', 'zh-CN')).toBe('烟感')
    expect(categoryLabel('sensor', 'smoke', 'en')).toBe('Smoke')
    expect(categoryLabel('detection', 'dog_unleashed', 'zh-CN')).toBe('犬类未系绳')
  })
  it('falls back to the code for unknown categories', () => {
    expect(categoryLabel('cap', 'Rainstorm', 'zh-CN')).toBe('Rainstorm')
  })
})

describe('feedRows', () => {
  it('lists newest first with the street name and Chengdu time', () => {
    const rows = feedRows([makeEvent(1), makeEvent(2, { occurredAt: '2025-03-01T04:05:06Z', title: ' 楼道堆物 ' })], {
      locale: 'zh-CN',
      streetName,
    })
    expect(rows.map((r) => r.seq)).toEqual([2, 1])
    expect(rows[0]).toMatchObject({ sourceId: 'src-2', time: '12:05:06', category: '消防隐患', street: '猛追湾街道', text: '楼道堆物' })
  })

  it('keeps markup in user text as plain text', () => {
    const [row] = feedRows([makeEvent(1, { title: '<img src=x onerror=alert(1)>' })], { locale: 'en', streetName })
    expect(row?.text).toBe('<img src=x onerror=alert(1)>')
  })

  it('uses the description when there is no title', () => {
    const [row] = feedRows([makeEvent(1, { description: '噪音扰民' })], { locale: 'zh-CN', streetName })
    expect(row?.text).toBe('噪音扰民')
  })

  it('has no street for events outside the district or on an unknown street', () => {
    const rows = feedRows(
      [
        makeEvent(1, { outside: true, path: { district: null, street: null, community: null, grid: null, microgrid: null } }),
        makeEvent(2, { path: { district: '510108', street: '999', community: null, grid: null, microgrid: null } }),
      ],
      { locale: 'zh-CN', streetName },
    )
    expect(rows.map((r) => [r.street, r.outside])).toEqual([
      [null, false],
      [null, true],
    ])
  })

  it('leaves sensor heartbeats out and honours the limit', () => {
    const feed = [
      makeEvent(1),
      makeEvent(2, { source: 'sensor', category: 'smoke', attrs: { sensorId: 's1', state: 'heartbeat' } }),
      makeEvent(3, { source: 'sensor', category: 'smoke', attrs: { sensorId: 's1', state: 'alarm' } }),
      makeEvent(4),
    ]
    expect(feedRows(feed, { locale: 'zh-CN', streetName }).map((r) => r.seq)).toEqual([4, 3, 1])
    expect(feedRows(feed, { locale: 'zh-CN', streetName, limit: 2 }).map((r) => r.seq)).toEqual([4, 3])
    expect(isFeedWorthy(feed[1]!)).toBe(false)
  })
})

describe('what the wall alerts on', () => {
  const detection = (attrs: Record<string, unknown>) =>
    makeEvent(1, { source: 'detection', category: 'dog_unleashed', attrs: { cameraId: 'CAM-1', confidence: 0.4, ...attrs } })

  it('leaves detections below the threshold out of the feed, but not those that alert or do not say', () => {
    expect(isFeedWorthy(detection({ alerting: false }))).toBe(false)
    expect(isFeedWorthy(detection({ alerting: true }))).toBe(true)
    expect(isFeedWorthy(detection({}))).toBe(true)
    expect(feedRows([detection({ alerting: false })], { locale: 'zh-CN', streetName })).toEqual([])
  })

  it('shows sensor faults and offline sensors, with their state and a non-fire marker', () => {
    const rows = feedRows(
      [
        makeEvent(1, { source: 'sensor', category: 'smoke', attrs: { sensorId: 'S', state: 'fault' } }),
        makeEvent(2, { source: 'sensor', category: 'smoke', attrs: { sensorId: 'S', state: 'offline' } }),
        makeEvent(3, { source: 'sensor', category: 'smoke', attrs: { sensorId: 'S', state: 'alarm' } }),
        makeEvent(4, { source: 'hotline', category: 'noise' }),
      ],
      { locale: 'zh-CN', streetName },
    )
    expect(rows.map((r) => [r.sensorState, r.marker.icon])).toEqual([
      [null, 'hotline'],
      ['alarm', 'flame'],
      ['offline', 'offline'],
      ['fault', 'wrench'],
    ])
  })
})
