import { describe, expect, it } from 'vitest'
import { makeEvent } from '../testing/event-fixture.ts'
import { bboxPercent, capDetail, detectionDetail, displayPhone, hotlineDetail, incidentDetail, sensorDetail } from './source-details.ts'

describe('sensorDetail', () => {
  it('reads the contract attrs and tolerates missing or mistyped ones', () => {
    expect(sensorDetail({ sensorId: 'SM-1', state: 'alarm', alarmId: 'al-1', placement: '厨房', buildingId: 'B-7', value: 412 })).toMatchObject({
      sensorId: 'SM-1', state: 'alarm', alarmId: 'al-1', placement: '厨房', buildingId: 'B-7', value: 412, compoundId: null,
    })
    expect(sensorDetail({ sensorId: 42, state: '', value: 'hot' })).toMatchObject({ sensorId: null, state: null, value: null })
  })
})

describe('bboxPercent', () => {
  it('turns a 0–1 box into CSS percentages', () => {
    expect(bboxPercent([0.25, 0.5, 0.2, 0.3])).toEqual({ left: 25, top: 50, width: 20, height: 30 })
  })
  it('clips a box that runs off the frame', () => {
    expect(bboxPercent([-0.1, 0.9, 0.3, 0.3])).toEqual({ left: 0, top: 90, width: 20, height: 10 })
  })
  it('refuses anything that is not four finite numbers with area in the frame', () => {
    for (const bad of [null, [0, 0, 1], [0, 0, 'a', 1], [0, 0, Number.NaN, 1], [1.2, 0, 0.5, 0.5], [0, 0, 0, 0.5], 'x']) {
      expect(bboxPercent(bad)).toBeNull()
    }
  })
})

describe('detectionDetail', () => {
  it('keeps safe media URLs only', () => {
    const d = detectionDetail({
      cameraId: 'CAM-1', confidence: 0.87, bbox: [0.1, 0.1, 0.2, 0.2], snapshotUrl: '/media/snap/1.jpg', clipUrl: 'javascript:alert(1)', hotspotId: 'hs-1', alerting: true,
    })
    expect(d).toMatchObject({ cameraId: 'CAM-1', confidence: 0.87, snapshotUrl: '/media/snap/1.jpg', clipUrl: null, hotspotId: 'hs-1', alerting: true })
  })
  it('treats a detection that does not say as alerting, and an out-of-range confidence as unknown', () => {
    expect(detectionDetail({ confidence: 1.7 })).toMatchObject({ alerting: true, confidence: null, bbox: null, snapshotUrl: null })
    expect(detectionDetail({ alerting: false }).alerting).toBe(false)
  })
})

describe('hotlineDetail', () => {
  const event = makeEvent(1, {
    source: 'hotline',
    category: 'noise',
    occurredAt: '2025-03-01T02:00:00.000Z',
    attrs: {
      caller: { first_name: '*', last_name: '张', phone: '138****1234' },
      address_string: '猛追湾街道望平街12号',
      attributes: {},
    },
  })

  it('shows the service, the masked caller as given, the address and when it is due', () => {
    const d = hotlineDetail(event, 'zh-CN')
    expect(d.serviceName).toBeTruthy()
    expect(d).toMatchObject({ callerName: '张*', callerPhone: '138****1234', address: '猛追湾街道望平街12号' })
    expect(Date.parse(d.expectedAt!)).toBeGreaterThan(Date.parse(event.occurredAt))
  })

  it('prefers an expected time the event carries', () => {
    const d = hotlineDetail({ ...event, attrs: { expected_datetime: '2025-03-04T10:00:00+08:00' } }, 'zh-CN')
    expect(d.expectedAt).toBe('2025-03-04T10:00:00+08:00')
  })

  it('never shows a full phone number, even one that reached the wall unmasked', () => {
    expect(displayPhone('13812341234')).toBe('138****1234')
    expect(displayPhone('+86 138-1234-1234')).toBe('138****1234')
    expect(displayPhone('138****1234')).toBe('138****1234')
    expect(hotlineDetail({ ...event, attrs: { caller: { phone: '13912345678' } } }, 'en').callerPhone).toBe('139****5678')
    expect(hotlineDetail({ ...event, attrs: { callerPhone: '13912345678' } }, 'en').callerPhone).toBe('139****5678')
  })

  it('names the caller’s answers by the service definition', () => {
    const d = hotlineDetail({ ...event, category: 'stray_animals', attrs: { attributes: { animal: 'dog', count: 3 } } }, 'zh-CN')
    expect(d.answers).toEqual([
      { label: '动物种类', value: '犬' },
      { label: '数量（估计）', value: '3' },
    ])
  })

  it('has nothing to say for an unknown service and no caller', () => {
    expect(hotlineDetail({ ...event, category: 'nope', attrs: {} }, 'zh-CN')).toMatchObject({
      serviceName: null, callerName: null, callerPhone: null, address: null, expectedAt: null, answers: [],
    })
  })
})

describe('incidentDetail', () => {
  it('keeps the worker and safe photos', () => {
    expect(incidentDetail({ workerId: 'W-0012', photos: ['/media/p/1.jpg', 'javascript:x', 7, 'data:image/png;base64,AAAA'] })).toEqual({
      workerId: 'W-0012',
      photos: ['/media/p/1.jpg', 'data:image/png;base64,AAAA'],
    })
  })
})

describe('capDetail', () => {
  it('reads the warning and its areas', () => {
    const d = capDetail({
      identifier: 'CN-1', sender: '成都市气象台', msgType: 'Alert', event: '暴雨', urgency: 'Expected', certainty: 'Likely',
      headline: '成都市气象台发布暴雨蓝色预警', instruction: '注意防范', effective: '2025-03-01T10:00:00+08:00',
      areas: [{ areaDesc: '成华区', polygons: [[[104, 30]]], circles: [] }, 'junk'],
    })
    expect(d).toMatchObject({ identifier: 'CN-1', event: '暴雨', urgency: 'Expected', severity: null, expires: null })
    expect(d.areas).toEqual([{ name: '成华区', polygons: 1, circles: 0 }])
  })
})
