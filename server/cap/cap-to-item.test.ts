import { describe, expect, it } from 'vitest'
import type { CapAlert, CapInfo } from '../../domain/cap.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import { capCategory, capSeverity, capToItem, primaryInfo } from './cap-to-item.ts'

const DISTRICT = { lng: 104.1, lat: 30.66 }

const info = (over: Partial<CapInfo> = {}): CapInfo => ({
  language: 'en-US', categories: ['Met'], event: 'Rainstorm', responseTypes: [], urgency: 'Expected', severity: 'Severe',
  certainty: 'Likely', areas: [], ...over,
})
const alert = (over: Partial<CapAlert> = {}): CapAlert => ({
  identifier: 'ID-1', sender: 'cdmb@cma.gov.cn', sent: '2024-07-01T08:00:00+08:00', status: 'Actual', msgType: 'Alert',
  scope: 'Public', references: [], info: [info()], ...over,
})

describe('capToItem', () => {
  it('builds a cap item: sourceId, category, severity, sent as occurredAt, attrs', () => {
    const item = capToItem(alert({ info: [info({ headline: 'Rainstorm orange', expires: '2024-07-01T20:00:00+08:00', areas: [{ areaDesc: 'A', polygons: [], circles: [{ center: [104.05, 30.7], radiusKm: 5 }], geocodes: [] }] })] }), DISTRICT)
    expect(item).toMatchObject({
      source: 'cap', sourceId: 'cdmb@cma.gov.cn|ID-1|2024-07-01T08:00:00+08:00', category: 'met', severity: 'severe',
      occurredAt: '2024-07-01T08:00:00+08:00', location: { lng: 104.05, lat: 30.7 }, title: 'Rainstorm orange',
      attrs: {
        identifier: 'ID-1', msgType: 'Alert', status: 'Actual', scope: 'Public', event: 'Rainstorm', urgency: 'Expected',
        certainty: 'Likely', expires: '2024-07-01T20:00:00+08:00', language: 'en-US', locatedBy: 'area',
        areas: [{ areaDesc: 'A', polygons: [], circles: [{ center: [104.05, 30.7], radiusKm: 5 }] }],
      },
    })
    expect(findCategory('cap', item.category)).toBeDefined()
  })

  it('places a message with no shapes, or no info, at the fallback point', () => {
    expect(capToItem(alert(), DISTRICT)).toMatchObject({ location: DISTRICT, attrs: { locatedBy: 'district' } })
    expect(capToItem(alert({ msgType: 'Cancel', info: [] }), DISTRICT)).toMatchObject({ category: 'other', severity: 'minor', title: 'Cancel ID-1' })
  })

  it('clips long text to the event limits', () => {
    const item = capToItem(alert({ info: [info({ headline: 'h'.repeat(300), description: 'd'.repeat(5000) })] }), DISTRICT)
    expect(item.title).toHaveLength(200)
    expect(item.description).toHaveLength(4000)
  })
})

describe('mappings', () => {
  it('maps CAP severity, Unknown as minor', () => {
    expect(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'].map((s) => capSeverity(s as never))).toEqual(['extreme', 'severe', 'moderate', 'minor', 'minor'])
  })

  it('takes the first category other than Other', () => {
    expect(capCategory(info({ categories: ['Other', 'CBRNE'] }))).toBe('cbrne')
    expect(capCategory(info({ categories: ['Other'] }))).toBe('other')
    expect(capCategory(undefined)).toBe('other')
  })

  it('prefers the Chinese info', () => {
    const zh = info({ language: 'zh-CN', event: '暴雨' })
    expect(primaryInfo({ info: [info(), zh] })).toBe(zh)
    expect(primaryInfo({ info: [info({ event: 'first' }), info({ language: 'es-US' })] })?.event).toBe('first')
  })
})
