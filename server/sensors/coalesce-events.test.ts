import { describe, expect, it } from 'vitest'
import { coalesce } from './coalesce-events.ts'

const turn = () => new Promise((r) => setImmediate(r))

describe('coalesce', () => {
  it('hands on the batches of one turn together, in order, once', async () => {
    const handed: number[][] = []
    const c = coalesce<number>((items) => handed.push(items))
    c.add([1, 2])
    c.add([3])
    expect(handed).toEqual([])
    await turn()
    expect(handed).toEqual([[1, 2, 3]])
    c.add([4])
    await turn()
    expect(handed).toEqual([[1, 2, 3], [4]])
  })

  it('flush hands on what waits at once, and the scheduled turn then has nothing to hand on', async () => {
    const handed: number[][] = []
    const c = coalesce<number>((items) => handed.push(items))
    c.add([1])
    c.flush()
    expect(handed).toEqual([[1]])
    await turn()
    c.flush()
    expect(handed).toEqual([[1]])
  })
})
