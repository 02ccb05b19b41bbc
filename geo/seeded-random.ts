/**
 * The seeded pseudo-random number generator shared by the geo generator and the simulations, so that a
 * seed (GRIDWATCH_SEED) reproduces a whole run.
 *
 * The seed is hashed to 128 bits with cyrb128 and drives sfc32 (Chris Doty-Humphrey's Small Fast Counter),
 * a 32-bit generator that passes PractRand and is fast in plain JavaScript. It is *not* cryptographic.
 *
 * Numbers and strings are both accepted and both go through `String(seed)`, so `createRandom(42)` and
 * `createRandom('42')` give the same stream.
 */
import { assertFinite, assertInteger, assertSeed } from './guards.ts'

export interface Random {
  /** The seed as a string: `fork` derives children from it. */
  readonly seed: string
  /** A float in [0, 1), with 32 bits of randomness. */
  next(): number
  /** An integer in [min, maxInclusive]; the range may hold at most 2^32 values. */
  int(min: number, maxInclusive: number): number
  /** A float in [min, max). */
  range(min: number, max: number): number
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T
  /** One value, with probability proportional to its weight. */
  weighted<T>(items: readonly { value: T; weight: number }[]): T
  /** A normally distributed float (Box–Muller). */
  normal(mean: number, sd: number): number
  /**
   * An independent stream derived from this one's seed and `label`. It depends only on the seed and the
   * label, not on how many numbers this stream has drawn, so adding draws in one part of a simulation does
   * not shift another part that forked its own stream.
   */
  fork(label: string): Random
}

const TWO_POW_32 = 4294967296

/** cyrb128: a fast 128-bit string hash (public domain, bryc), used only to seed sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

// A character no sane seed or label contains, so `fork` keys cannot collide with plain seeds.
const FORK_SEPARATOR = '\u241f'

/**
 * Creates a seeded generator.
 *
 * @example
 * const rng = createRandom('gridwatch')
 * rng.next()                      // 0.62…, the same on every run
 * rng.int(1, 6)                   // a die roll
 * rng.weighted([{ value: 'fire', weight: 1 }, { value: 'dog', weight: 9 }])
 * const sensors = rng.fork('sensors') // its own stream, unaffected by later draws on rng
 */
export function createRandom(seed: number | string): Random {
  assertSeed(seed)
  const key = String(seed)
  let [a, b, c, d] = cyrb128(key)

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // sfc32's authors discard the first outputs so that weak seeds are mixed in.
  for (let i = 0; i < 12; i++) nextUint32()

  const next = (): number => nextUint32() / TWO_POW_32

  return {
    seed: key,
    next,
    int(min, maxInclusive) {
      assertInteger('min', min)
      assertInteger('maxInclusive', maxInclusive)
      if (maxInclusive < min) throw new RangeError(`int() needs min <= maxInclusive, got ${min} > ${maxInclusive}`)
      const span = maxInclusive - min + 1
      if (span > TWO_POW_32) throw new RangeError('int() range must span at most 2^32 values')
      return min + Math.floor(next() * span)
    },
    range(min, max) {
      assertFinite('min and max', min, max)
      if (max < min) throw new RangeError(`range() needs min <= max, got ${min} > ${max}`)
      return min + next() * (max - min)
    },
    pick<T>(items: readonly T[]): T {
      if (!Array.isArray(items) || items.length === 0) throw new RangeError('pick() needs a non-empty array')
      return items[Math.floor(next() * items.length)] as T
    },
    weighted<T>(items: readonly { value: T; weight: number }[]): T {
      if (!Array.isArray(items) || items.length === 0) throw new RangeError('weighted() needs a non-empty array')
      let total = 0
      for (const item of items) {
        if (typeof item.weight !== 'number' || !Number.isFinite(item.weight) || item.weight < 0) {
          throw new RangeError('weighted() weights must be finite numbers >= 0')
        }
        total += item.weight
      }
      if (total <= 0) throw new RangeError('weighted() needs at least one positive weight')
      let r = next() * total
      for (const item of items) {
        if (item.weight === 0) continue
        r -= item.weight
        if (r < 0) return item.value
      }
      // Float rounding can leave r at a hair above 0 after the loop: the last positive item owns that edge.
      for (let i = items.length - 1; ; i--) {
        const item = items[i] as { value: T; weight: number }
        if (item.weight > 0) return item.value
      }
    },
    normal(mean, sd) {
      assertFinite('mean and sd', mean, sd)
      if (sd < 0) throw new RangeError('normal() needs sd >= 0')
      const u1 = 1 - next() // (0, 1]: log stays finite
      const u2 = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
    },
    fork(label) {
      if (typeof label !== 'string' || label.length === 0) throw new TypeError('fork label must be a non-empty string')
      return createRandom(`${key}${FORK_SEPARATOR}${label}`)
    },
  }
}
