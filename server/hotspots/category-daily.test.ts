import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { dayStartMs, shanghaiDay } from '../kpi/kpi-periods.ts'
import { createCategoryDaily } from './category-daily.ts'
import type { Report } from './report-window.ts'

const DAY = 86_400_000
const report = (community: string, atMs: number): Report => ({
  id: String(atMs), source: 'hotline', category: 'noise', key: 'hotline:noise', atMs, lng: 104, lat: 30.6,
  path: { district: 'd', street: 's', community, grid: null, microgrid: null },
})

describe('category daily counts', () => {
  const today = shanghaiDay(Date.now())
  const noon = (day: number) => dayStartMs(day) + DAY / 2

  it('has no baseline before three full days after the first, then the mean over the full days before today', () => {
    const daily = createCategoryDaily(new Database(':memory:'))
    daily.add(report('c1', noon(today - 3)))
    expect(daily.dailyMean('c1', 'hotline:noise', Date.now())).toBeUndefined()
    const db = new Database(':memory:')
    const older = createCategoryDaily(db)
    for (let d = 5; d >= 1; d--) for (let k = 0; k < d; k++) older.add(report('c1', noon(today - d)))
    older.add(report('c1', noon(today)))
    // Day -5 was the first (partial) day: days -4 … -1 count, 4 + 3 + 2 + 1 = 10 over 4 days.
    expect(older.dailyMean('c1', 'hotline:noise', Date.now())).toBeCloseTo(2.5)
    expect(older.dailyMean('c2', 'hotline:noise', Date.now())).toBe(0)
  })

  it('writes its counts and seq, and reads them back after a restart', () => {
    const db = new Database(':memory:')
    const first = createCategoryDaily(db)
    for (let d = 5; d >= 1; d--) first.add(report('c1', noon(today - d)))
    first.flush(42)
    const second = createCategoryDaily(db)
    expect(second.cursor.get()).toBe(42)
    expect(second.dailyMean('c1', 'hotline:noise', Date.now())).toBeCloseTo(1)
  })
})
