import { describe, expect, it } from 'vitest'
import { SOURCES } from '../../domain/event.ts'
import { MARKER_KINDS } from '../feed/source-style.ts'
import { makeReplayReply } from '../testing/replay-fixture.ts'
import { decodeReplay } from './decode-replay.ts'

const range = { from: Date.parse('2026-11-28T04:00:00Z'), until: Date.parse('2026-11-29T04:00:00Z') }
const t0 = range.from + 60_000

describe('decodeReplay', () => {
  it('decodes the columns into typed arrays, with each event’s marker kind', () => {
    const data = decodeReplay(makeReplayReply([
      { seq: 5, at: t0, source: 'hotline', category: 'noise', severity: 'minor', title: '夜间施工' },
      { seq: 7, at: t0 + 1000, source: 'sensor', state: 'fault', category: 'smoke', severity: 'moderate', street: null },
      { seq: 9, at: t0 + 1000, source: 'sensor', state: 'alarm', category: 'smoke', severity: 'extreme', street: '510108002' },
      { seq: 11, at: t0 + 2000, source: 'sensor', state: 'offline', category: 'gas', lng: 104.2, lat: 30.7 },
    ], range))
    expect(data).toMatchObject({ from: range.from, until: range.until, count: 4, truncated: false })
    expect([...data.seq]).toEqual([5, 7, 9, 11])
    expect([...data.at]).toEqual([t0, t0 + 1000, t0 + 1000, t0 + 2000])
    expect([...data.source].map((i) => SOURCES[i])).toEqual(['hotline', 'sensor', 'sensor', 'sensor'])
    expect([...data.kind].map((i) => MARKER_KINDS[i])).toEqual(['hotline', 'sensor_fault', 'sensor_alarm', 'sensor_offline'])
    expect([...data.severity]).toEqual([0, 1, 3, 1])
    expect([...data.category].map((i) => data.categories[i])).toEqual(['noise', 'smoke', 'smoke', 'gas'])
    expect([...data.street].map((i) => (i === -1 ? null : data.streets[i]))).toEqual(['510108001', null, '510108002', '510108001'])
    expect([...data.title].map((i) => (i === -1 ? null : data.titles[i]))).toEqual(['夜间施工', null, null, null])
    expect(data.lng[3]).toBe(104.2)
    expect(data.lat[3]).toBe(30.7)
  })

  it('draws a sensor with no state, or one the wall does not know, as an alarm (the safe side)', () => {
    const data = decodeReplay(makeReplayReply([
      { seq: 1, at: t0, source: 'sensor', state: null, category: 'smoke' },
      { seq: 2, at: t0, source: 'sensor', state: 'melted', category: 'smoke' },
    ], range))
    expect([...data.kind].map((i) => MARKER_KINDS[i])).toEqual(['sensor_alarm', 'sensor_alarm'])
  })

  it('decodes an empty range', () => {
    const data = decodeReplay(makeReplayReply([], range))
    expect(data.count).toBe(0)
    expect(data.at).toHaveLength(0)
  })

  it('refuses columns that disagree, naming what', () => {
    const reply = makeReplayReply([{ seq: 1, at: t0 }, { seq: 2, at: t0 + 1 }], range)
    expect(() => decodeReplay({ ...reply, lat: [30.6] })).toThrow(/column lat has 1 values for 2 events/)
    expect(() => decodeReplay({ ...reply, at: [t0 + 1, t0] })).toThrow(/times go back at event 1/)
    expect(() => decodeReplay({ ...reply, category: [0, 3] })).toThrow(/category code 3 is not in its dictionary/)
    expect(() => decodeReplay({ ...reply, street: [-1, 0], dictionary: { ...reply.dictionary } })).not.toThrow()
    expect(() => decodeReplay({ ...reply, severity: [-1, 0] })).toThrow(/severity code -1/)
    expect(() => decodeReplay({ ...reply, dictionary: { ...reply.dictionary, source: ['telepathy'] } })).toThrow(/unknown source "telepathy"/)
  })
})
