/**
 * A seeded registry (sensors, cameras) for a district and seed, shared with the simulation: in the
 * server's own process the simulation gets the very list the server built (no second generation, edits
 * included); elsewhere (`npm run simulate`, benches) it is regenerated from the same hierarchy and seed,
 * so every id the simulation posts is registered.
 */
import { generateHierarchy, type DistrictHierarchy, type FullHierarchy } from '../../geo/index.ts'

export interface DistrictRegistry<T> {
  /** Called by the plugin that built the registry, so the in-process simulation reuses it. */
  remember(h: DistrictHierarchy, seed: string, entries: readonly T[]): void
  /** The registry for this district and seed: remembered, or generated as the server would. */
  forDistrict(h: DistrictHierarchy, seed: string): readonly T[]
}

function isFull(h: DistrictHierarchy): h is FullHierarchy {
  const f = h as Partial<FullHierarchy>
  return Array.isArray(f.communities) && Array.isArray(f.grids) && Array.isArray(f.microgrids)
}

/**
 * @example
 * const cameras = districtRegistry((full, seed) => generateCameras(full, generateSites(full, { seed }), { seed }))
 * cameras.forDistrict(generateDistrict({ seed }), seed).length // 1200
 */
export function districtRegistry<T>(generate: (full: FullHierarchy, seed: string) => readonly T[]): DistrictRegistry<T> {
  const known = new WeakMap<DistrictHierarchy, Map<string, readonly T[]>>()
  const remember = (h: DistrictHierarchy, seed: string, entries: readonly T[]) => {
    const bySeed = known.get(h) ?? new Map<string, readonly T[]>()
    bySeed.set(seed, entries)
    known.set(h, bySeed)
  }
  return {
    remember,
    forDistrict(h, seed) {
      const cached = known.get(h)?.get(seed)
      if (cached) return cached
      // A streets-only district (the CLI's) gets its lower tiers exactly as the server generates them.
      const entries = generate(isFull(h) ? h : generateHierarchy(h), seed)
      remember(h, seed, entries)
      return entries
    },
  }
}
