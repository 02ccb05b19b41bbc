import { describe, expect, it } from 'vitest'
import { touchesStreet } from './street-changes.ts'

type Doc = { street: string; v: number }
const of = (d: Doc) => d.street

describe('touchesStreet', () => {
  const a: Doc = { street: 'S1', v: 1 }
  const b: Doc = { street: 'S2', v: 1 }
  const prev = new Map([['a', a], ['b', b]])

  it('sees a document of the street added, replaced or dropped', () => {
    expect(touchesStreet(prev, new Map([['a', { street: 'S1', v: 2 }], ['b', b]]), 'S1', of)).toBe(true)
    expect(touchesStreet(prev, new Map([['b', b]]), 'S1', of)).toBe(true)
    expect(touchesStreet(prev, new Map([...prev, ['c', { street: 'S1', v: 1 }]]), 'S1', of)).toBe(true)
    expect(touchesStreet(undefined, prev, 'S1', of)).toBe(true)
  })

  it('ignores other streets and unchanged documents', () => {
    expect(touchesStreet(prev, new Map([['a', a], ['b', { street: 'S2', v: 2 }]]), 'S1', of)).toBe(false)
    expect(touchesStreet(prev, new Map(prev), 'S1', of)).toBe(false)
    expect(touchesStreet(prev, new Map([['a', a]]), 'S1', of)).toBe(false)
  })
})
