/** Locating points: the flatbush locator against a naive `booleanPointInPolygon` loop over every street. */
import { booleanPointInPolygon } from '@turf/turf'
import { createLocator, createRandom, polygonBbox } from '../geo/index.ts'
import { district } from './workload.ts'

export function benchLocate(n: number) {
  const rng = createRandom('bench-locate')
  const [minX, minY, maxX, maxY] = polygonBbox(district.district.geometry)
  const points = Array.from({ length: n }, () => [rng.range(minX, maxX), rng.range(minY, maxY)] as [number, number])
  const locator = createLocator(district)
  let found = 0
  const t0 = performance.now()
  for (const [x, y] of points) if (locator.locate(x, y).path.street) found++
  const ours = n / ((performance.now() - t0) / 1000)
  let naiveFound = 0
  const t1 = performance.now()
  for (const p of points) if (district.streets.some((s) => booleanPointInPolygon(p, s))) naiveFound++
  const peer = n / ((performance.now() - t1) / 1000)
  if (found !== naiveFound) throw new Error(`locator found ${found} points in streets, the naive loop ${naiveFound}`)
  return { ours, peer }
}
