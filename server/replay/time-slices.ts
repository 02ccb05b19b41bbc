/**
 * A long range cut into consecutive slices: the replay reads a day an hour at a time and lets the
 * event loop run between the reads, so a person opening the replay never holds up ingest and the
 * live frames for the second a whole day's read would take on the main thread.
 */

/**
 * `[since, until)` pairs covering `[from, until)` in order, each at most `sliceMs` long.
 *
 * @example
 * [...timeSlices(0, 25, 10)] // [[0, 10], [10, 20], [20, 25]]
 */
export function* timeSlices(from: number, until: number, sliceMs: number): Generator<[number, number]> {
  if (!(sliceMs > 0)) throw new Error(`timeSlices: sliceMs must be positive, got ${sliceMs}`)
  for (let start = from; start < until; start += sliceMs) yield [start, Math.min(until, start + sliceMs)]
}
