import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Path } from '../../domain/event.ts'
import { createHourlyTally, hourOf } from './hourly-tally.ts'

const path = (street: string | null): Path => ({ district: '510108', street, community: null, grid: null, microgrid: null })
const at = (iso: string) => ({ receivedAt: iso })

describe('createHourlyTally', () => {
  it('adds each flush to what the table holds, by hour, source, severity and street, with the seq reached', () => {
    const db = new Database(':memory:')
    const tally = createHourlyTally(db)
    tally.add({ ...at('2026-12-07T01:10:00.000Z'), source: 'hotline', severity: 'minor', path: path('510108001') })
    tally.add({ ...at('2026-12-07T01:50:00.000Z'), source: 'hotline', severity: 'minor', path: path('510108001') })
    tally.add({ ...at('2026-12-07T02:00:00.000Z'), source: 'sensor', severity: 'severe', path: path(null) })
    expect(tally.rows(0, Number.MAX_SAFE_INTEGER)).toEqual([]) // nothing until flushed
    tally.flush(3)
    tally.add({ ...at('2026-12-07T01:59:59.999Z'), source: 'hotline', severity: 'minor', path: path('510108001') })
    tally.flush(4)
    const h1 = hourOf(Date.parse('2026-12-07T01:00:00Z'))
    expect(tally.rows(h1, h1 + 2)).toEqual(expect.arrayContaining([
      { hour: h1, source: 'hotline', severity: 'minor', street: '510108001', n: 3 },
      { hour: h1 + 1, source: 'sensor', severity: 'severe', street: null, n: 1 },
    ]))
    expect(tally.rows(h1, h1 + 1)).toHaveLength(1)
    expect(tally.rows(h1, h1 + 2, '510108002')).toEqual([])
    expect(tally.cursor.get()).toBe(4)
    // A second connection on the same data (a restart) reads the same.
    expect(createHourlyTally(db).rows(h1, h1 + 2, '510108001')).toHaveLength(1)
  })
})
