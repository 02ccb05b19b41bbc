import { describe, expect, it } from 'vitest'
import { GroupCommit } from './group-commit.ts'

describe('GroupCommit', () => {
  it('puts requests of the same turn in one transaction and answers each with its own results', async () => {
    const transactions: number[][][] = []
    const gc = new GroupCommit<number, string>(async (batches) => {
      transactions.push(batches)
      return batches.map((b) => b.map((n) => `ok-${n}`))
    })
    const replies = await Promise.all([gc.submit([1]), gc.submit([2, 3]), gc.submit([4])])
    expect(transactions).toEqual([[[1], [2, 3], [4]]])
    expect(replies).toEqual([['ok-1'], ['ok-2', 'ok-3'], ['ok-4']])
  })

  it('queues requests behind the transactions in flight and sends them together next', async () => {
    const transactions: number[][][] = []
    let release: () => void = () => {}
    const gc = new GroupCommit<number, number>(async (batches) => {
      transactions.push(batches)
      if (transactions.length === 1) await new Promise<void>((r) => (release = r))
      return batches
    }, 1)
    const first = gc.submit([1])
    await new Promise((r) => setImmediate(r))
    const later = [gc.submit([2]), gc.submit([3])]
    release()
    await Promise.all([first, ...later])
    expect(transactions).toEqual([[[1]], [[2], [3]]])
  })

  it('keeps up to maxInFlight transactions with the committer and drains them all', async () => {
    let inFlight = 0
    let peak = 0
    const gc = new GroupCommit<number, number>(async (batches) => {
      peak = Math.max(peak, ++inFlight)
      await new Promise((r) => setTimeout(r, 5))
      inFlight--
      return batches
    }, 2)
    const all: Promise<number[]>[] = []
    for (let i = 0; i < 6; i++) {
      all.push(gc.submit([i]))
      await new Promise((r) => setImmediate(r))
    }
    await gc.drain()
    expect(inFlight).toBe(0)
    expect(peak).toBe(2)
    expect((await Promise.all(all)).flat()).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('rejects every request of a failed transaction, and refuses work after drain', async () => {
    const gc = new GroupCommit<number, number>(async () => {
      throw new Error('disk full')
    })
    const results = await Promise.allSettled([gc.submit([1]), gc.submit([2])])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    await gc.drain()
    await expect(gc.submit([3])).rejects.toThrow(/closed/)
  })
})
