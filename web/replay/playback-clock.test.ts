import { describe, expect, it } from 'vitest'
import { createClock, DEFAULT_SPEED, ended, pause, play, seek, setSpeed, timeAt } from './playback-clock.ts'

const DAY = 86_400_000
const FROM = Date.parse('2026-11-28T04:00:00Z')
const UNTIL = FROM + DAY

describe('the playback clock', () => {
  it('starts paused at the start of the range, at 60×', () => {
    const c = createClock(FROM, UNTIL)
    expect(c.speed).toBe(DEFAULT_SPEED)
    expect(c.playing).toBe(false)
    expect(timeAt(c, 123_456)).toBe(FROM)
  })

  it('runs at its speed while playing: a real second is a replayed minute at 60×', () => {
    const c = play(createClock(FROM, UNTIL), 1_000)
    expect(timeAt(c, 1_000)).toBe(FROM)
    expect(timeAt(c, 2_000)).toBe(FROM + 60_000)
    expect(timeAt(c, 61_000)).toBe(FROM + 3_600_000)
  })

  it('holds still while paused, and plays on from there', () => {
    let c = play(createClock(FROM, UNTIL), 0)
    c = pause(c, 10_000)
    expect(timeAt(c, 50_000)).toBe(FROM + 600_000)
    c = play(c, 50_000)
    expect(timeAt(c, 51_000)).toBe(FROM + 660_000)
  })

  it('changes speed without a jump in replayed time', () => {
    let c = play(createClock(FROM, UNTIL), 0)
    c = setSpeed(c, 1440, 1_000)
    expect(timeAt(c, 1_000)).toBe(FROM + 60_000)
    expect(timeAt(c, 2_000)).toBe(FROM + 60_000 + 1_440_000)
    c = setSpeed(pause(c, 2_000), 10, 3_000)
    expect(c.playing).toBe(false)
    expect(timeAt(c, 9_000)).toBe(FROM + 60_000 + 1_440_000)
  })

  it('seeks within the range, playing on if it was playing', () => {
    let c = play(createClock(FROM, UNTIL), 0)
    c = seek(c, FROM + 3_600_000, 5_000)
    expect(timeAt(c, 6_000)).toBe(FROM + 3_660_000)
    expect(timeAt(seek(c, FROM - 5, 0), 0)).toBe(FROM)
    expect(timeAt(pause(seek(c, UNTIL + 5, 0), 0), 1)).toBe(UNTIL)
  })

  it('stops at the end of the range, and plays again from the start', () => {
    let c = play(createClock(FROM, UNTIL, 1440), 0)
    expect(ended(c, 59_000)).toBe(false)
    expect(ended(c, 60_000)).toBe(true)
    expect(timeAt(c, 90_000)).toBe(UNTIL)
    c = play(pause(c, 90_000), 100_000)
    expect(timeAt(c, 100_000)).toBe(FROM)
  })

  it('refuses an empty range and a speed that is not positive', () => {
    expect(() => createClock(UNTIL, FROM)).toThrow(/must be after from/)
    expect(() => createClock(FROM, UNTIL, 0)).toThrow(/speed must be positive/)
    expect(() => setSpeed(createClock(FROM, UNTIL), -60, 0)).toThrow(/speed must be positive/)
  })
})
