import { describe, expect, it } from 'vitest'
import { startOfShanghaiDay } from './build-snapshot.ts'

describe('startOfShanghaiDay', () => {
  it('is local midnight in Chengdu, as a UTC instant', () => {
    expect(startOfShanghaiDay(new Date('2026-11-22T13:00:00Z'))).toBe('2026-11-21T16:00:00.000Z')
    // 23:59 UTC is already the next morning in Chengdu.
    expect(startOfShanghaiDay(new Date('2026-11-22T23:59:00Z'))).toBe('2026-11-22T16:00:00.000Z')
    expect(startOfShanghaiDay(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-22T16:00:00.000Z')
  })
})
