/**
 * Locating points to their full tier path: the flatbush locator over all 6,283 micro-grids, against a
 * naive `booleanPointInPolygon` loop over the same micro-grids (DESIGN §5's peer).
 */
import { booleanPointInPolygon } from '@turf/turf'
import { createLocator, createRandom, generateHierarchy, polygonBbox } from '../geo/index.ts'
import { district } from './workload.ts'

export function benchLocate(n: number, naiveN: number) {
  const full = generateHierarchy(district)
  const rng = createRandom('bench-locate')
  const [minX, minY, maxX, maxY] = polygonBbox(full.district.geometry)
  const points = Array.from({ length: n }, () => [rng.range(minX, maxX), rng.range(minY, maxY)] as [number, number])
  const locator = createLocator(full)
  const t0 = performance.now()
  let found = 0
  for (const [x, y] of points) if (locator.locate(x, y).path.microgrid) found++
  const ours = n / ((performance.now() - t0) / 1000)
  // The naive loop is slow, so it runs on a prefix of the same points; both answers must agree there.
  const t1 = performance.now()
  for (const p of points.slice(0, naiveN)) {
    const hit = full.microgrids.find((m) => booleanPointInPolygon(p, m))
    if ((hit?.properties.id ?? null) !== locator.locate(p[0], p[1]).path.microgrid) throw new Error(`locator and naive loop disagree at ${p}`)
  }
  const peer = naiveN / ((performance.now() - t1) / 1000)
  return { ours, peer, found }
}
