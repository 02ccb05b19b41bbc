/** Splits a total count across parents in proportion to a weight (their area), with a floor per parent. */

/**
 * Integer shares of `total`, proportional to `weights`, each at least `min`, summing to exactly `total`.
 *
 * Every parent first gets `max(min, ⌊ideal⌋)`; then, while the sum is short, the parent furthest below its
 * ideal share gains one, and while it is over, the parent furthest above it (and above `min`) gives one up.
 * Ties go to the lower index, so the result depends only on the inputs.
 *
 * @example
 * allocateCounts([1, 1, 2], 8, 1) // [2, 2, 4]
 * allocateCounts([100, 1], 6, 3)  // [3, 3]
 */
export function allocateCounts(weights: readonly number[], total: number, min: number): number[] {
  if (!Array.isArray(weights) || weights.length === 0) throw new RangeError('weights must be a non-empty array')
  for (const w of weights) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) throw new RangeError('weights must be finite numbers > 0')
  }
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(min) || min < 0) {
    throw new TypeError('total and min must be integers, min >= 0')
  }
  if (total < weights.length * min) {
    throw new RangeError(`cannot give ${weights.length} parents at least ${min} each from a total of ${total}`)
  }
  const sum = weights.reduce((a, b) => a + b, 0)
  const ideal = weights.map((w) => (total * w) / sum)
  const counts = ideal.map((x) => Math.max(min, Math.floor(x)))
  let allocated = counts.reduce((a, b) => a + b, 0)
  while (allocated < total) {
    let best = 0
    for (let i = 1; i < counts.length; i++) {
      if ((ideal[i] as number) - (counts[i] as number) > (ideal[best] as number) - (counts[best] as number)) best = i
    }
    counts[best] = (counts[best] as number) + 1
    allocated++
  }
  while (allocated > total) {
    let best = -1
    for (let i = 0; i < counts.length; i++) {
      if ((counts[i] as number) <= min) continue
      if (best === -1 || (counts[i] as number) - (ideal[i] as number) > (counts[best] as number) - (ideal[best] as number)) best = i
    }
    counts[best] = (counts[best] as number) - 1
    allocated--
  }
  return counts
}
