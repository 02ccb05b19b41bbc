/**
 * Test helper: measures how well a set of children tiles their parent, with turf (polyclip-ts) as the
 * independent referee. Used by the voronoiSplit and generateHierarchy tests.
 */
import { area, difference, featureCollection, intersect } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import { polygonBbox } from '../polygon-bbox.ts'

export interface TilingReport {
  /** |Σ turf.area(child) / turf.area(parent) − 1|. */
  areaError: number
  /** The same in planar lng/lat (RFC 7946's straight lines), where an exact tiling sums to float noise. */
  planarAreaError: number
  /** Σ turf.area(child ∩ sibling) over sibling pairs whose bounding boxes touch, m². */
  overlapM2: number
  /** Σ turf.area(child − parent), m². */
  overhangM2: number
  /** Sibling pairs that passed the bbox prefilter and went to turf.intersect. */
  pairsChecked: number
}

type Geometry = Polygon | MultiPolygon

const polygonsOf = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)

/** Planar shoelace area in square degrees, holes subtracted whatever their winding. */
export function planarArea(g: Geometry): number {
  let total = 0
  for (const rings of polygonsOf(g)) {
    rings.forEach((ring, i) => {
      // Relative to the first vertex: absolute lng × lat products would cancel away ~9 digits.
      const [x0, y0] = (ring[0] ?? [0, 0]) as [number, number]
      let twice = 0
      for (let k = 0; k + 1 < ring.length; k++) {
        const p = ring[k] as Position
        const q = ring[k + 1] as Position
        twice += ((p[0] as number) - x0) * ((q[1] as number) - y0) - ((q[0] as number) - x0) * ((p[1] as number) - y0)
      }
      total += (i === 0 ? 1 : -1) * Math.abs(twice / 2)
    })
  }
  return total
}

const feature = (geometry: Geometry): Feature<Geometry> => ({ type: 'Feature', properties: {}, geometry })

/** How far `children` are from tiling `parent` exactly. */
export function tilingReport(parent: Geometry, children: readonly Geometry[]): TilingReport {
  const parentFeature = feature(parent)
  const childFeatures = children.map(feature)
  const areaSum = childFeatures.reduce((sum, c) => sum + area(c), 0)
  const planarSum = children.reduce((sum, c) => sum + planarArea(c), 0)
  const boxes = children.map((c) => polygonBbox(c))
  let overlapM2 = 0
  let pairsChecked = 0
  for (let i = 0; i < children.length; i++) {
    const a = boxes[i] as number[]
    for (let j = i + 1; j < children.length; j++) {
      const b = boxes[j] as number[]
      if ((a[2] as number) < (b[0] as number) || (b[2] as number) < (a[0] as number) || (a[3] as number) < (b[1] as number) || (b[3] as number) < (a[1] as number)) continue
      pairsChecked++
      const overlap = intersect(featureCollection([childFeatures[i] as Feature<Geometry>, childFeatures[j] as Feature<Geometry>]))
      if (overlap !== null) overlapM2 += area(overlap)
    }
  }
  let overhangM2 = 0
  for (const c of childFeatures) {
    const overhang = difference(featureCollection([c, parentFeature]))
    if (overhang !== null) overhangM2 += area(overhang)
  }
  return {
    areaError: Math.abs(areaSum / area(parentFeature) - 1),
    planarAreaError: Math.abs(planarSum / planarArea(parent) - 1),
    overlapM2,
    overhangM2,
    pairsChecked,
  }
}
