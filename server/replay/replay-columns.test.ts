import { describe, expect, it } from 'vitest'
import type { ReplayRow } from '../store/event-store.ts'
import { createReplayColumns } from './replay-columns.ts'

const row = (seq: number, more: Partial<ReplayRow> = {}): ReplayRow => ({
  seq,
  receivedAt: new Date(Date.UTC(2026, 10, 29, 1, 0, seq)).toISOString(),
  source: 'incident',
  category: 'fire_hazard',
  severity: 'moderate',
  street: '510108001',
  lng: 104.1234567,
  lat: 30.6712345,
  title: '楼道堆放杂物',
  state: null,
  ...more,
})

const meta = { from: new Date('2026-11-28T01:00:00Z'), until: new Date('2026-11-29T01:00:00Z'), limit: 10 }

/** The reply built from `slices` of rows added in turn. */
function replayColumns(slices: ReplayRow[][], limit = meta.limit) {
  const columns = createReplayColumns()
  for (const rows of slices) columns.add(rows)
  return columns.finish({ ...meta, limit })
}

describe('replayColumns', () => {
  it('turns rows into equal-length columns, coding the repeated strings across slices', () => {
    const reply = replayColumns([
      [row(1), row(2, { source: 'sensor', category: 'smoke', severity: 'severe', state: 'alarm', street: '510108002', title: null })],
      [],
      [row(3)],
    ])
    expect(reply).toMatchObject({ from: '2026-11-28T01:00:00.000Z', until: '2026-11-29T01:00:00.000Z', count: 3, limit: 10, truncated: false })
    expect(reply.seq).toEqual([1, 2, 3])
    expect(reply.at).toEqual([1, 2, 3].map((s) => Date.UTC(2026, 10, 29, 1, 0, s)))
    expect(reply.lng).toEqual([104.12346, 104.12346, 104.12346])
    expect(reply.lat).toEqual([30.67123, 30.67123, 30.67123])
    const decode = (col: 'source' | 'state' | 'severity' | 'category' | 'street' | 'title') =>
      reply[col].map((i) => (i === -1 ? null : reply.dictionary[col][i]))
    expect(decode('source')).toEqual(['incident', 'sensor', 'incident'])
    expect(decode('state')).toEqual([null, 'alarm', null])
    expect(decode('severity')).toEqual(['moderate', 'severe', 'moderate'])
    expect(decode('category')).toEqual(['fire_hazard', 'smoke', 'fire_hazard'])
    expect(decode('street')).toEqual(['510108001', '510108002', '510108001'])
    expect(decode('title')).toEqual(['楼道堆放杂物', null, '楼道堆放杂物'])
    // Each distinct value once.
    expect(reply.dictionary.title).toEqual(['楼道堆放杂物'])
  })

  it('codes an event outside the district as street -1', () => {
    expect(replayColumns([[row(1, { street: null })]]).street).toEqual([-1])
  })

  it('masks a phone number in a hotline title, and only there', () => {
    const reply = replayColumns([[
      row(1, { source: 'hotline', category: 'noise', title: '噪声扰民 请回电13812341234' }),
      row(2, { title: '设备编号13812341234' }),
    ]])
    expect(reply.title.map((i) => reply.dictionary.title[i])).toEqual(['噪声扰民 请回电138****1234', '设备编号13812341234'])
    expect(JSON.stringify(reply)).not.toContain('请回电13812341234')
  })

  it('keeps the earliest `limit` rows and says it cut the rest', () => {
    const reply = replayColumns([[row(1), row(2)], [row(3)]], 2)
    expect(reply).toMatchObject({ count: 2, limit: 2, truncated: true, seq: [1, 2] })
    for (const col of ['at', 'lng', 'lat', 'source', 'state', 'severity', 'category', 'street', 'title'] as const) expect(reply[col], col).toHaveLength(2)
    expect(replayColumns([[row(1), row(2)]], 2).truncated).toBe(false)
  })

  it('gives empty columns for no rows', () => {
    const reply = replayColumns([])
    expect(reply.count).toBe(0)
    expect(reply.seq).toEqual([])
    expect(reply.dictionary.source).toEqual([])
  })
})
