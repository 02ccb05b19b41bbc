import { describe, expect, it } from 'vitest'
import { applyDocuments } from './apply-documents.ts'

type Doc = { id: string; updatedAt: string; open: boolean }
const doc = (id: string, at: string, open = true): Doc => ({ id, updatedAt: `2026-11-29T${at}:00.000Z`, open })
const policy = { keep: (d: Doc) => d.open }

describe('applyDocuments', () => {
  it('adds and replaces documents by id', () => {
    const first = applyDocuments(new Map(), [doc('a', '01:00'), doc('b', '01:00')], policy)!
    expect([...first.keys()]).toEqual(['a', 'b'])
    const second = applyDocuments(first, [doc('a', '01:05')], policy)!
    expect(second.get('a')!.updatedAt).toContain('01:05')
    expect(first.get('a')!.updatedAt).toContain('01:00')
  })

  it('ignores a version older than the one held', () => {
    const held = new Map([['a', doc('a', '02:00')]])
    expect(applyDocuments(held, [doc('a', '01:00')], policy)).toBeNull()
    expect(applyDocuments(held, [doc('a', '01:00', false)], policy)).toBeNull()
  })

  it('drops documents that no longer belong, and ignores unknown ones that do not', () => {
    const held = new Map([['a', doc('a', '01:00')]])
    expect([...applyDocuments(held, [doc('a', '01:10', false)], policy)!.keys()]).toEqual([])
    expect(applyDocuments(held, [doc('z', '01:10', false)], policy)).toBeNull()
  })
})
