import { describe, expect, it } from 'vitest'
import type { CapAlert } from '../../domain/cap.ts'
import { byConcern, isActive, planWarning, toWarning, warningKey, type WarningKey } from './warnings-state.ts'
import { warningAreas } from './warning-areas.ts'

const HERE = { lng: 104.1, lat: 30.66 }
const NOW = new Date('2024-07-01T10:00:00+08:00')
const never = () => false

const alert = (over: Partial<CapAlert> = {}): CapAlert => ({
  identifier: 'ID-1', sender: 's@x', sent: '2024-07-01T08:00:00+08:00', status: 'Actual', msgType: 'Alert', scope: 'Public', references: [],
  info: [{
    language: 'zh-CN', categories: ['Met'], event: '暴雨', responseTypes: [], urgency: 'Expected', severity: 'Severe', certainty: 'Likely',
    expires: '2024-07-01T20:00:00+08:00',
    areas: [{ areaDesc: '成华区', polygons: [[[104, 30.6], [104.2, 30.6], [104.2, 30.7], [104, 30.7], [104, 30.6]]], circles: [{ center: [104.1, 30.65], radiusKm: 2 }, { center: [104.1, 30.65], radiusKm: 0 }], geocodes: [] }],
  }],
  ...over,
})
const ref = (identifier: string) => ({ sender: 's@x', identifier, sent: '2024-07-01T08:00:00+08:00' })

describe('planWarning', () => {
  it('an Alert adds a warning keyed by sender and identifier, expiring at its expires', () => {
    const plan = planWarning(alert(), 'evt-1', HERE, { now: NOW, isRetired: never })
    expect(plan.remove).toEqual([])
    expect(plan.add).toMatchObject({ sender: 's@x', identifier: 'ID-1', expiresAt: '2024-07-01T12:00:00.000Z', view: { id: 'evt-1', severity: 'severe', event: '暴雨' } })
  })

  it('an Update replaces what it references; a Cancel only removes', () => {
    const update = planWarning(alert({ identifier: 'ID-2', msgType: 'Update', references: [ref('ID-1'), ref('ID-1'), ref('ID-0')] }), 'evt-2', HERE, { now: NOW, isRetired: never })
    expect(update.remove).toEqual([{ sender: 's@x', identifier: 'ID-1' }, { sender: 's@x', identifier: 'ID-0' }])
    expect(update.add?.identifier).toBe('ID-2')
    const cancel = planWarning(alert({ identifier: 'ID-3', msgType: 'Cancel', references: [ref('ID-2')] }), 'evt-3', HERE, { now: NOW, isRetired: never })
    expect(cancel).toEqual({ remove: [{ sender: 's@x', identifier: 'ID-2' }], add: null })
  })

  it('changes nothing for Exercise, Test, Ack and Error', () => {
    for (const over of [{ status: 'Exercise' }, { status: 'Test', msgType: 'Cancel', references: [ref('ID-1')] }, { msgType: 'Ack' }, { msgType: 'Error' }] as Array<Partial<CapAlert>>) {
      const plan = planWarning(alert(over), 'e', HERE, { now: NOW, isRetired: never })
      expect(plan).toMatchObject({ remove: [], add: null, note: expect.any(String) })
    }
  })

  it('does not add an expired message or one already replaced', () => {
    expect(planWarning(alert(), 'e', HERE, { now: new Date('2024-07-02T00:00:00+08:00'), isRetired: never })).toMatchObject({ add: null, note: expect.stringContaining('expired') })
    const retired = (k: WarningKey) => warningKey(k) === 's@x,ID-1'
    expect(planWarning(alert(), 'e', HERE, { now: NOW, isRetired: retired })).toMatchObject({ add: null, note: expect.stringContaining('already replaced') })
  })
})

describe('isActive and order', () => {
  it('keeps warnings without expires, drops those past it', () => {
    expect(isActive({ expiresAt: null }, NOW)).toBe(true)
    expect(isActive({ expiresAt: '2024-07-01T02:00:01.000Z' }, NOW)).toBe(true)
    expect(isActive({ expiresAt: '2024-07-01T02:00:00.000Z' }, NOW)).toBe(false)
  })

  it('orders the most severe first, then the most recent', () => {
    const base = toWarning(alert(), 'a', HERE)
    const list = [{ ...base, id: 'minor', severity: 'minor' as const }, { ...base, id: 'old' }, { ...base, id: 'new', sent: '2024-07-01T09:00:00+08:00' }]
    expect(list.sort(byConcern).map((w) => w.id)).toEqual(['new', 'old', 'minor'])
  })
})

describe('warningAreas', () => {
  it('draws polygons and circles (not zero-radius ones) as Polygons with the wall’s properties', () => {
    const fc = warningAreas([toWarning(alert(), 'evt-1', HERE)])
    expect(fc.features.map((f) => f.id)).toEqual(['evt-1:0:p0', 'evt-1:0:c0'])
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('Polygon')
      const ring = f.geometry.coordinates[0]!
      expect(ring[0]).toEqual(ring.at(-1))
      expect(f.properties).toEqual({ id: 'evt-1', identifier: 'ID-1', event: '暴雨', headline: null, severity: 'severe', msgType: 'Alert', expires: '2024-07-01T20:00:00+08:00', sender: 's@x' })
    }
    expect(fc.features[1]!.geometry.coordinates[0]).toHaveLength(65)
  })
})
