import { describe, expect, it, vi } from 'vitest'
import { DISTRICT_ROOM, streetRoom } from './rooms.ts'
import { scopedDocumentFrames } from './scoped-documents.ts'

describe('scopedDocumentFrames', () => {
  it('sends each document to the district room and to its own street’s room only', () => {
    vi.useFakeTimers()
    const sent: Record<string, string[]> = {}
    const frames = scopedDocumentFrames<{ id: string; street: string | null }>({
      intervalMs: 250,
      streetOf: (d) => d.street,
      send: (room, docs) => (sent[room] = [...(sent[room] ?? []), ...docs.map((d) => d.id)]),
    })
    frames.publish([{ id: 'a', street: '510108001' }, { id: 'b', street: '510108002' }, { id: 'c', street: null }])
    frames.flushAll()
    expect(sent).toEqual({
      [DISTRICT_ROOM]: ['a', 'b', 'c'],
      [streetRoom('510108001')]: ['a'],
      [streetRoom('510108002')]: ['b'],
    })
    frames.close()
    vi.useRealTimers()
  })
})
