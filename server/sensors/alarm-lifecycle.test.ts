import { describe, expect, it } from 'vitest'
import { acknowledgeAlarm, clearAlarm, raiseAlarm, recordNormal, type AlarmRaise } from './alarm-lifecycle.ts'

const raise = (over: Partial<AlarmRaise> = {}): AlarmRaise => ({
  newId: 'AL-1', sensorId: 'SEN-1', type: 'smoke', eventId: 'e1', at: '2025-03-01T02:00:00.000Z', street: '510108001',
  location: { lng: 104.1, lat: 30.6 }, buildingId: 'B1', siteId: 'C1', ...over,
})

describe('alarm lifecycle', () => {
  it('opens an active alarm, and repeats update it rather than open another', () => {
    const a = raiseAlarm(null, raise())
    expect(a).toMatchObject({ id: 'AL-1', status: 'active', count: 1, raisedAt: '2025-03-01T02:00:00.000Z', lastAt: '2025-03-01T02:00:00.000Z', eventId: 'e1', lastEventId: 'e1' })
    const b = raiseAlarm(a, raise({ newId: 'AL-2', eventId: 'e2', at: '2025-03-01T02:05:00.000Z' }))
    expect(b).toMatchObject({ id: 'AL-1', count: 2, lastAt: '2025-03-01T02:05:00.000Z', lastEventId: 'e2', raisedAt: a.raisedAt })
    // A late, older repeat counts but does not move lastAt back.
    const c = raiseAlarm(b, raise({ eventId: 'e0', at: '2025-03-01T01:59:00.000Z' }))
    expect(c).toMatchObject({ count: 3, lastAt: b.lastAt, lastEventId: 'e2' })
  })

  it('records normal without clearing, and a new alarm after normal resets it', () => {
    const a = raiseAlarm(null, raise())
    const n = recordNormal(a, '2025-03-01T02:10:00.000Z')!
    expect(n).toMatchObject({ status: 'active', normalAt: '2025-03-01T02:10:00.000Z' })
    expect(recordNormal(a, '2025-03-01T01:00:00.000Z')).toBeNull()
    expect(recordNormal(null, '2025-03-01T02:10:00.000Z')).toBeNull()
    expect(raiseAlarm(n, raise({ eventId: 'e3', at: '2025-03-01T02:20:00.000Z' })).normalAt).toBeNull()
  })

  it('goes active → acknowledged → cleared, recording who and when; wrong steps say why', () => {
    const a = raiseAlarm(null, raise())
    const early = clearAlarm(a, 'district', 'T1')
    expect(early).toEqual({ ok: false, reason: expect.stringMatching(/not acknowledged/) })
    const acked = acknowledgeAlarm(a, 'street-510108001', 'T2')
    expect(acked).toMatchObject({ ok: true, alarm: { status: 'acknowledged', acknowledgedBy: 'street-510108001', acknowledgedAt: 'T2' } })
    if (!acked.ok) throw new Error('unreachable')
    expect(acknowledgeAlarm(acked.alarm, 'district', 'T3')).toEqual({ ok: false, reason: expect.stringMatching(/already acknowledged by street-510108001 at T2/) })
    const cleared = clearAlarm(acked.alarm, 'district', 'T4')
    expect(cleared).toMatchObject({ ok: true, alarm: { status: 'cleared', clearedBy: 'district', clearedAt: 'T4' } })
    if (!cleared.ok) throw new Error('unreachable')
    expect(clearAlarm(cleared.alarm, 'district', 'T5').ok).toBe(false)
    expect(acknowledgeAlarm(cleared.alarm, 'district', 'T5').ok).toBe(false)
    // Once cleared, the next alarm is a new one.
    expect(raiseAlarm(cleared.alarm, raise({ newId: 'AL-9' }))).toMatchObject({ id: 'AL-9', count: 1, status: 'active' })
  })
})
