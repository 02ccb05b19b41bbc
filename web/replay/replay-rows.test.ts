import { describe, expect, it } from 'vitest'
import { makeReplayReply } from '../testing/replay-fixture.ts'
import { decodeReplay } from './decode-replay.ts'
import { latestRows } from './replay-rows.ts'

const FROM = Date.parse('2026-11-28T04:00:00Z')
const names = new Map([['510108001', '猛追湾街道']])
const options = { locale: 'zh-CN' as const, streetName: (id: string) => names.get(id) }

describe('latestRows', () => {
  const data = decodeReplay(makeReplayReply([
    { seq: 1, at: FROM + 1000, source: 'hotline', category: 'noise', title: ' 夜间施工噪声 ' },
    { seq: 2, at: FROM + 2000, source: 'sensor', state: 'fault', category: 'smoke', severity: 'severe', street: null },
    { seq: 3, at: FROM + 3000, street: '510108009', title: '<img src=x onerror=alert(1)>' },
  ], { from: FROM, until: FROM + 86_400_000 }))

  it('lists the events before the moment, newest first, at most `limit`', () => {
    expect(latestRows(data, 3, 2, options).map((r) => r.seq)).toEqual([3, 2])
    expect(latestRows(data, 1, 5, options).map((r) => r.seq)).toEqual([1])
    expect(latestRows(data, 0, 5, options)).toEqual([])
  })

  it('names the category, street and time in Chengdu, and keeps titles as plain text', () => {
    const [third, second, first] = latestRows(data, 3, 5, options)
    expect(first).toMatchObject({ time: '12:00:01', source: 'hotline', category: '噪声扰民', street: '猛追湾街道', text: '夜间施工噪声', severity: 'moderate' })
    expect(second).toMatchObject({ category: '烟感', street: null, text: '', severity: 'severe' })
    expect(second!.marker.kind).toBe('sensor_fault')
    // A street the geo store does not know is shown by its id; markup stays a string.
    expect(third).toMatchObject({ street: '510108009', text: '<img src=x onerror=alert(1)>' })
  })
})
