import { describe, expect, it } from 'vitest'
import { createRandom } from './seeded-random.ts'

const draws = (seed: string | number, n: number): number[] => {
  const rng = createRandom(seed)
  return Array.from({ length: n }, () => rng.next())
}

describe('createRandom', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    expect(draws('gridwatch', 50)).toEqual(draws('gridwatch', 50))
    expect(draws('gridwatch', 50)).not.toEqual(draws('gridwatch2', 50))
    expect(draws(1, 50)).not.toEqual(draws(2, 50))
  })

  it('treats a number seed as its string form', () => {
    expect(draws(42, 10)).toEqual(draws('42', 10))
    expect(createRandom(42).seed).toBe('42')
  })

  it('keeps next() in [0, 1) with a plausible mean and spread', () => {
    const xs = draws('uniform', 20_000)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean).toBeGreaterThan(0.49)
    expect(mean).toBeLessThan(0.51)
    const buckets = new Array<number>(10).fill(0)
    for (const x of xs) buckets[Math.floor(x * 10)]! += 1
    for (const b of buckets) expect(b).toBeGreaterThan(1800)
  })

  it('int() covers both ends of an inclusive range and nothing outside it', () => {
    const rng = createRandom('dice')
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) seen.add(rng.int(1, 6))
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6])
    expect(rng.int(7, 7)).toBe(7)
    expect(rng.int(-3, -1)).toBeGreaterThanOrEqual(-3)
  })

  it('range() stays in [min, max)', () => {
    const rng = createRandom('range')
    for (let i = 0; i < 1000; i++) {
      const v = rng.range(-2, 5)
      expect(v).toBeGreaterThanOrEqual(-2)
      expect(v).toBeLessThan(5)
    }
  })

  it('pick() returns every element eventually', () => {
    const rng = createRandom('pick')
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) seen.add(rng.pick(['a', 'b', 'c']))
    expect([...seen].sort()).toEqual(['a', 'b', 'c'])
  })

  it('weighted() follows the weights and never picks a zero weight', () => {
    const rng = createRandom('weights')
    const counts = { a: 0, b: 0, never: 0 }
    const items = [
      { value: 'a' as const, weight: 1 },
      { value: 'never' as const, weight: 0 },
      { value: 'b' as const, weight: 3 },
    ]
    for (let i = 0; i < 20_000; i++) counts[rng.weighted(items)] += 1
    expect(counts.never).toBe(0)
    expect(counts.a / 20_000).toBeGreaterThan(0.23)
    expect(counts.a / 20_000).toBeLessThan(0.27)
  })

  it('normal() has the requested mean and standard deviation', () => {
    const rng = createRandom('normal')
    const xs = Array.from({ length: 20_000 }, () => rng.normal(10, 2))
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length)
    expect(mean).toBeGreaterThan(9.95)
    expect(mean).toBeLessThan(10.05)
    expect(sd).toBeGreaterThan(1.95)
    expect(sd).toBeLessThan(2.05)
    expect(rng.normal(3, 0)).toBe(3)
  })

  it('fork() depends on the seed and label only, not on draws made before it', () => {
    const fresh = createRandom('sim').fork('sensors')
    const used = createRandom('sim')
    for (let i = 0; i < 17; i++) used.next()
    const late = used.fork('sensors')
    const a = Array.from({ length: 10 }, () => fresh.next())
    expect(Array.from({ length: 10 }, () => late.next())).toEqual(a)
    const other = createRandom('sim').fork('hotline')
    expect(Array.from({ length: 10 }, () => other.next())).not.toEqual(a)
    expect(draws('sim', 10)).not.toEqual(a)
  })

  it('forking does not advance the parent stream', () => {
    const a = createRandom('parent')
    const b = createRandom('parent')
    a.fork('child').next()
    expect(a.next()).toBe(b.next())
  })

  it('rejects bad input with precise messages', () => {
    expect(() => createRandom('')).toThrow('seed must be a non-empty string or a finite number')
    expect(() => createRandom(Number.NaN)).toThrow('seed must be a non-empty string or a finite number')
    expect(() => createRandom({} as unknown as string)).toThrow('seed must be a non-empty string or a finite number')
    const rng = createRandom('guards')
    expect(() => rng.int(1.5, 3)).toThrow('min must be an integer')
    expect(() => rng.int(1, 3.5)).toThrow('maxInclusive must be an integer')
    expect(() => rng.int(5, 1)).toThrow('int() needs min <= maxInclusive, got 5 > 1')
    expect(() => rng.int(0, 2 ** 33)).toThrow('int() range must span at most 2^32 values')
    expect(() => rng.range(0, Number.POSITIVE_INFINITY)).toThrow('min and max must be finite numbers')
    expect(() => rng.range(2, 1)).toThrow('range() needs min <= max, got 2 > 1')
    expect(() => rng.pick([])).toThrow('pick() needs a non-empty array')
    expect(() => rng.weighted([])).toThrow('weighted() needs a non-empty array')
    expect(() => rng.weighted([{ value: 1, weight: -1 }])).toThrow('weighted() weights must be finite numbers >= 0')
    expect(() => rng.weighted([{ value: 1, weight: Number.NaN }])).toThrow('weighted() weights must be finite numbers >= 0')
    expect(() => rng.weighted([{ value: 1, weight: 0 }])).toThrow('weighted() needs at least one positive weight')
    expect(() => rng.normal(0, -1)).toThrow('normal() needs sd >= 0')
    expect(() => rng.normal(Number.NaN, 1)).toThrow('mean and sd must be finite numbers')
    expect(() => rng.fork('')).toThrow('fork label must be a non-empty string')
  })
})
