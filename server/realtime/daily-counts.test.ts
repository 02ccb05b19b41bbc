import { describe, expect, it } from 'vitest'
import type { Path, StoredEvent } from '../../domain/event.ts'
import { makeEvent } from '../../web/testing/event-fixture.ts'
import { countsFromRows, DailyCounts, startOfShanghaiDay } from './daily-counts.ts'

describe('startOfShanghaiDay', () => {
  it('is local midnight in Chengdu, as a UTC instant', () => {
    expect(startOfShanghaiDay(new Date('2026-11-22T13:00:00Z'))).toBe('2026-11-21T16:00:00.000Z')
    // 23:59 UTC is already the next morning in Chengdu.
    expect(startOfShanghaiDay(new Date('2026-11-22T23:59:00Z'))).toBe('2026-11-22T16:00:00.000Z')
    expect(startOfShanghaiDay(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-22T16:00:00.000Z')
  })
})

describe('DailyCounts', () => {
  const street = (id: string, mg: string): Path => ({
    district: '510108', street: id, community: `${id}001`, grid: `${id}001001`, microgrid: `${id}001001${mg}`,
  })
  let clock = new Date('2026-11-22T02:00:00Z') // 10:00 in Chengdu
  const event = (seq: number, path: Path, over: Partial<StoredEvent> = {}) =>
    makeEvent(seq, { path, receivedAt: clock.toISOString(), ...over })

  it('tallies per scope, subtracts what is still pending, and matches the same rows counted from scratch', () => {
    const daily = new DailyCounts(() => clock)
    const events = [
      event(1, street('510108001', '001')),
      event(2, street('510108001', '002'), { severity: 'severe' }),
      event(3, street('510108002', '001'), { source: 'hotline' }),
      event(4, { district: null, street: null, community: null, grid: null, microgrid: null }),
    ]
    daily.add(events)
    const all = daily.forScope({ level: 'district', id: '510108' })
    expect(all.total).toBe(4)
    expect(all.byNode['510108']).toBe(3)
    expect(all.byNode['510108001']).toBe(2)
    expect(all).toEqual(countsFromRows(events.map((e) => ({ source: e.source, severity: e.severity, path: e.path, n: 1 })), all.since))

    const s1 = daily.forScope({ level: 'street', id: '510108001' })
    expect(s1).toMatchObject({ total: 2, bySeverity: { moderate: 1, severe: 1 } })
    expect(Object.keys(s1.byNode).every((id) => id === '510108' || id.startsWith('510108001'))).toBe(true)

    // Event 2 is still in the room's buffer: the snapshot must not count it yet.
    const before = daily.forScope({ level: 'street', id: '510108001' }, [events[1]!])
    expect(before).toMatchObject({ total: 1, bySeverity: { moderate: 1 } })
    expect(before.bySeverity).not.toHaveProperty('severe')
    expect(before.byNode['510108001001001002']).toBeUndefined()
  })

  it('starts a new day at Shanghai midnight', () => {
    const daily = new DailyCounts(() => clock)
    daily.add([event(1, street('510108001', '001'))])
    clock = new Date('2026-11-22T16:00:01Z') // 00:00:01 the next day in Chengdu
    expect(daily.forScope({ level: 'district', id: '510108' })).toEqual({
      total: 0, bySource: {}, bySeverity: {}, byNode: {}, since: '2026-11-22T16:00:00.000Z',
    })
    daily.add([event(2, street('510108003', '001'))])
    expect(daily.forScope({ level: 'district', id: '510108' }).total).toBe(1)
  })
})
