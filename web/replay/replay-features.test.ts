import { describe, expect, it } from 'vitest'
import { SOURCE_COLORS, MARKER_STYLES } from '../feed/source-style.ts'
import { makeReplayReply } from '../testing/replay-fixture.ts'
import { decodeReplay } from './decode-replay.ts'
import { MAX_FRESH, MAX_TRAIL, replayFeatures } from './replay-features.ts'

const FROM = Date.parse('2026-11-28T04:00:00Z')
const range = { from: FROM, until: FROM + 86_400_000 }
const MIN = 60_000

describe('replayFeatures', () => {
  const data = decodeReplay(makeReplayReply([
    { seq: 1, at: FROM + 1 * MIN, source: 'hotline', category: 'noise', severity: 'minor', lng: 104.01, lat: 30.61 },
    { seq: 2, at: FROM + 6 * MIN, source: 'sensor', state: 'fault', category: 'smoke', severity: 'moderate', lng: 104.02, lat: 30.62 },
    { seq: 3, at: FROM + 9 * MIN, source: 'incident', severity: 'extreme', lng: 104.03, lat: 30.63 },
    { seq: 4, at: FROM + 11 * MIN, source: 'hotline', category: 'noise', severity: 'severe', lng: 104.04, lat: 30.64 },
  ], range))

  it('draws the last fade’s events as a fading trail, and none after the moment', () => {
    // At minute 10 with an 8-minute fade: the events of minutes 6 and 9; not 1, faded, nor 11, still to come.
    const { trail } = replayFeatures(data, FROM + 10 * MIN, 8 * MIN)
    expect(trail.features.map((f) => f.geometry.coordinates)).toEqual([[104.02, 30.62], [104.03, 30.63]])
    expect(trail.features.map((f) => f.properties)).toEqual([
      { color: MARKER_STYLES.sensor_fault.color, rank: 1, fade: 0.5 },
      { color: SOURCE_COLORS.incident, rank: 3, fade: 0.875 },
    ])
  })

  it('draws the freshest fifth of the fade as the wall draws a new event', () => {
    // 1.6 minutes fresh: the event of minute 9, a minute old.
    const { fresh } = replayFeatures(data, FROM + 10 * MIN, 8 * MIN)
    expect(fresh.features).toHaveLength(1)
    expect(fresh.features[0]!.properties).toEqual({
      id: '3', seq: 3, source: 'incident', kind: 'incident', color: SOURCE_COLORS.incident, severity: 'extreme', rank: 3, recency: expect.closeTo(1 - 0.65 / 1.6, 10),
    })
    // The moment it lands, at full strength.
    expect(replayFeatures(data, FROM + 11 * MIN, 8 * MIN).fresh.features.map((f) => [f.properties.seq, f.properties.recency])).toEqual([[4, 1]])
  })

  it('bounds both sources, keeping the latest', () => {
    const many = decodeReplay(makeReplayReply(
      Array.from({ length: MAX_TRAIL + 500 }, (_, i) => ({ seq: i + 1, at: FROM + i })), range,
    ))
    const { trail, fresh } = replayFeatures(many, FROM + MAX_TRAIL + 500, 10 * MIN)
    expect(trail.features).toHaveLength(MAX_TRAIL)
    expect(fresh.features).toHaveLength(MAX_FRESH)
    expect(fresh.features.at(-1)!.properties.seq).toBe(MAX_TRAIL + 500)
  })
})
