/** The benchmarks' workload: realistic `normal-day` items from the shared seeded PRNG. */
import type { IngestItem } from '../domain/event.ts'
import { generateDistrict } from '../geo/index.ts'
import { createNormalDay } from '../simulations/index.ts'

import { BENCH_SEED } from './bench-seed.ts'

export { BENCH_SEED }
export const district = generateDistrict({ seed: BENCH_SEED })

export function workload(n: number, runId: string): IngestItem[] {
  const gen = createNormalDay({ seed: BENCH_SEED, district, runId })
  const at = new Date()
  return Array.from({ length: n }, () => gen.next(at))
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
