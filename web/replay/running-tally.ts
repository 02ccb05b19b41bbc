/**
 * Counts by code (source, severity, street…) of the events up to any point of the day, answered
 * from checkpoints every `step` events: a seek to any moment costs at most `step` additions, and the
 * checkpoints of 100,000 events take a few kilobytes rather than a count per event.
 */

export interface Tally {
  /** How many codes are counted (codes are 0…size-1; -1 is not counted). */
  size: number
  /** The counts of each code among the events `[0, end)`. */
  countsTo(end: number): Uint32Array
}

/**
 * @example
 * createTally([0, 2, 2, -1, 1], 3).countsTo(4) // Uint32Array [1, 0, 2]
 */
export function createTally(codes: ArrayLike<number>, size: number, step = 1024): Tally {
  if (!(step >= 1)) throw new Error(`tally: step must be at least 1, got ${step}`)
  const checkpoints: Uint32Array[] = []
  const running = new Uint32Array(size)
  for (let i = 0; i < codes.length; i++) {
    if (i % step === 0) checkpoints.push(running.slice())
    const c = codes[i]!
    if (c >= 0 && c < size) running[c]!++
  }
  checkpoints.push(running.slice())
  return {
    size,
    countsTo(end) {
      const stop = Math.max(0, Math.min(codes.length, Math.floor(end)))
      if (stop === codes.length) return checkpoints[checkpoints.length - 1]!.slice()
      const k = Math.floor(stop / step)
      const out = checkpoints[k]!.slice()
      for (let i = k * step; i < stop; i++) {
        const c = codes[i]!
        if (c >= 0 && c < size) out[c]!++
      }
      return out
    },
  }
}

/**
 * Each count as a share of the largest (0 when nothing is counted): bars and tints scale to it.
 *
 * @example
 * sharesOfMax(Uint32Array.of(2, 4, 0)) // [0.5, 1, 0]
 */
export function sharesOfMax(counts: ArrayLike<number>): number[] {
  let max = 0
  for (let i = 0; i < counts.length; i++) max = Math.max(max, counts[i]!)
  return Array.from(counts, (n) => (max > 0 ? n / max : 0))
}

/**
 * The indexes of the `n` largest counts, largest first (ties by index), leaving out zeros.
 *
 * @example
 * topIndexes(Uint32Array.of(3, 9, 0, 3), 3) // [1, 0, 3]
 */
export function topIndexes(counts: ArrayLike<number>, n: number): number[] {
  const idx: number[] = []
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) idx.push(i)
  return idx.sort((a, b) => counts[b]! - counts[a]! || a - b).slice(0, Math.max(0, n))
}
