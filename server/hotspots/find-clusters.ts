/**
 * Dense spatial clusters of one category's reports, by density on a grid (a grid-based DBSCAN): the
 * reports are binned into cells of half `radiusM`; a cell is dense when its 3 × 3 block (all within
 * about `radiusM` of the cell's centre) holds `minPoints` reports; touching dense cells are one
 * cluster, which also takes the reports of the cells beside them. Linear in the reports.
 *
 * Not turf's `clustersDbscan`: its neighbour lists grow with the square of the reports in a dense
 * spot, and a gateway re-sending one address thousands of times took it 8 s for 6,000 reports, on
 * the event loop. This takes milliseconds whatever the spread.
 */
import type { Report } from './report-window.ts'

export interface Cluster {
  reports: Report[]
  centre: { lng: number; lat: number }
  /** From the centre to the farthest report, metres. */
  radiusM: number
}

const M_PER_DEG_LAT = 110_574

/** The side of the square that a dense cell's block covers, for a cluster radius: the density threshold's area. */
export const blockSideM = (radiusM: number) => 1.5 * radiusM

export function findClusters(reports: readonly Report[], radiusM: number, minPoints: number): Cluster[] {
  if (reports.length < minPoints) return []
  const cell = radiusM / 2
  const { lng: lng0, lat: lat0 } = reports[0]!
  const mPerDegLng = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180)
  // Cells are numbered from the first report, so a key is one number: (column, row) offset to be positive.
  const OFFSET = 2 ** 20
  const key = (cx: number, cy: number) => (cx + OFFSET) * 2 ** 21 + (cy + OFFSET)
  const cells = new Map<number, { cx: number; cy: number; reports: Report[] }>()
  for (const r of reports) {
    const cx = Math.floor(((r.lng - lng0) * mPerDegLng) / cell)
    const cy = Math.floor(((r.lat - lat0) * M_PER_DEG_LAT) / cell)
    const k = key(cx, cy)
    const c = cells.get(k)
    if (c) c.reports.push(r)
    else cells.set(k, { cx, cy, reports: [r] })
  }
  const around = (cx: number, cy: number) => {
    const out: number[] = []
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const k = key(cx + dx, cy + dy)
        if (cells.has(k)) out.push(k)
      }
    }
    return out
  }
  const dense = new Set<number>()
  for (const [k, c] of cells) {
    if (around(c.cx, c.cy).reduce((n, key) => n + cells.get(key)!.reports.length, 0) >= minPoints) dense.add(k)
  }
  const taken = new Set<number>()
  const clusters: Cluster[] = []
  for (const start of dense) {
    if (taken.has(start)) continue
    const members: Report[] = []
    const queue = [start]
    taken.add(start)
    while (queue.length > 0) {
      const k = queue.pop()!
      const c = cells.get(k)!
      for (const r of c.reports) members.push(r)
      // A dense cell's neighbours join its cluster: dense ones carry it on, the others are its border.
      if (!dense.has(k)) continue
      for (const n of around(c.cx, c.cy)) {
        if (taken.has(n)) continue
        taken.add(n)
        queue.push(n)
      }
    }
    const centre = {
      lng: members.reduce((s, r) => s + r.lng, 0) / members.length,
      lat: members.reduce((s, r) => s + r.lat, 0) / members.length,
    }
    const radius = members.reduce((max, r) => Math.max(max, Math.hypot((r.lng - centre.lng) * mPerDegLng, (r.lat - centre.lat) * M_PER_DEG_LAT)), 0)
    clusters.push({ reports: members, centre, radiusM: Math.round(radius) })
  }
  return clusters
}
