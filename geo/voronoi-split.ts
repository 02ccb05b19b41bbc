/**
 * Splits a parent polygon into the Voronoi cells of a set of sites, each cell clipped to the parent, so
 * that the pieces tile the parent exactly: they share every vertex along their common borders, and along
 * the parent's border they use the parent's own vertices plus crossings that lie on its edges.
 *
 * turf.intersect would compute the crossing where a Voronoi border meets the parent's border once per
 * side, in different orientations, and rounding afterwards moves it up to 0.7 cm off the parent's edge
 * (slivers of 0.1–1 m² against a parent whose border the caller cannot change). Here each crossing is
 * computed once, from the bisector of the two sites in a canonical order, so both neighbours get the same
 * bit-identical point, and it is never rounded.
 */
import { pointsBbox, signedArea } from './planar-ring.ts'
import { featureCollection, point, voronoi } from '@turf/turf'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { localFrame, type LocalFrame, type XY } from './local-frame.ts'
import { pointInPolygon } from './point-in-polygon.ts'

/** Output precision of Voronoi corners: 7 decimals, about 1 cm, as the street tier. */
const DECIMALS = 1e7
/**
 * A Voronoi corner closer than this (km, 2 cm) to the parent's border or to another corner keeps its full
 * precision: rounding moves a corner at most 0.71 cm, so beyond 2 cm it can neither cross the border nor
 * fold a short edge.
 */
const KEEP_EXACT_KM = 2e-5

/** `g(p) = a·x + b·y − c`, in the local frame; a point is on the cell's side when `g <= 0`. */
interface Constraint {
  a: number
  b: number
  c: number
  /** Cell side is `f <= 0` (false) or `f >= 0` (true), where f is the canonical function. */
  flip: boolean
}

interface Ring {
  deg: Position[]
  km: XY[]
  minX: number
  minY: number
  maxX: number
  maxY: number
}

interface Cell {
  /** Corners counter-clockwise, local km. */
  corners: XY[]
  /** Constraint k bounds the edge from corner k to corner k + 1. */
  constraints: Constraint[]
  minX: number
  minY: number
  maxX: number
  maxY: number
}

interface Piece {
  entry: Position
  entryPos: number
  verts: Position[]
  exit: Position
  exitPos: number
}

/**
 * The part of `parent` nearest to each site (one result per site, in site order; null where a site's cell
 * misses the parent). Pieces are Polygons or, where a convex cell meets a concave parent more than once,
 * MultiPolygons (largest part first); exterior rings counter-clockwise (RFC 7946), holes clockwise.
 *
 * Voronoi corners are rounded to 7 decimals except within 2 cm of the parent's border or of another
 * corner; crossings on the parent's border keep full precision, because rounding would move them off it.
 * Sites must be distinct. Distances use a local planar frame (km), so cells are true Voronoi cells on the
 * ground, not in degrees.
 *
 * @example
 * const pieces = voronoiSplit(street.geometry, [[104.08, 30.66], [104.09, 30.67], [104.1, 30.665]])
 * pieces.length // 3, tiling the street
 */
export function voronoiSplit(parent: Polygon | MultiPolygon, sites: readonly Position[]): (Polygon | MultiPolygon | null)[] {
  if (parent?.type !== 'Polygon' && parent?.type !== 'MultiPolygon') {
    throw new TypeError('parent must be a GeoJSON Polygon or MultiPolygon')
  }
  if (!Array.isArray(sites) || sites.length === 0) throw new RangeError('sites must be a non-empty array')
  const frame = localFrame(parent)
  const rings = parentRings(parent, frame)
  const siteKm = sites.map((s) => {
    if (!Number.isFinite(s?.[0]) || !Number.isFinite(s?.[1])) throw new TypeError('sites must be [lng, lat] positions')
    return frame.toLocal(s)
  })
  if (siteKm.length === 1) {
    // One site owns the whole parent.
    return [parent.type === 'Polygon' ? { type: 'Polygon', coordinates: parent.coordinates.map(copyRing) } : { type: 'MultiPolygon', coordinates: parent.coordinates.map((p) => p.map(copyRing)) }]
  }
  const cells = voronoiCells(siteKm, rings)

  // Corners are converted to degrees once, so every cell that shares one emits the same numbers.
  const cornerDeg = new Map<string, Position>()
  const cornerOf = (c: XY): Position => {
    const key = `${c[0]},${c[1]}`
    let p = cornerDeg.get(key)
    if (p === undefined) {
      p = frame.toLngLat(c)
      cornerDeg.set(key, p)
    }
    return p
  }
  const shortEdgeCorners = new Set<Position>()
  for (const cell of cells) {
    for (let k = 0; k < cell.corners.length; k++) {
      const a = cell.corners[k] as XY
      const b = cell.corners[(k + 1) % cell.corners.length] as XY
      if (Math.hypot(b[0] - a[0], b[1] - a[1]) < KEEP_EXACT_KM) {
        shortEdgeCorners.add(cornerOf(a))
        shortEdgeCorners.add(cornerOf(b))
      }
    }
  }

  const polygons = cells.map((cell) => clipToCell(rings, cell, parent, cornerOf))

  // Round the corners used, where that is safe; shared corners round identically on every side.
  const rounded = new Map<Position, Position>()
  const corners = new Set(cornerDeg.values())
  const roundedCorner = (p: Position): Position => {
    let r = rounded.get(p)
    if (r === undefined) {
      const safe = !shortEdgeCorners.has(p) && distanceToBorderKm(frame.toLocal(p), rings) >= KEEP_EXACT_KM
      r = safe ? [round(p[0] as number), round(p[1] as number)] : p
      rounded.set(p, r)
    }
    return r
  }
  return polygons.map((parts) => {
    if (parts.length === 0) return null
    const out = parts.map((rings) =>
      rings.map((ring) => {
        const mapped: Position[] = []
        for (const p of ring) {
          const q = corners.has(p) ? roundedCorner(p) : p
          const last = mapped[mapped.length - 1]
          if (last === undefined || last[0] !== q[0] || last[1] !== q[1]) mapped.push([q[0] as number, q[1] as number])
        }
        const first = mapped[0] as Position
        const last = mapped[mapped.length - 1] as Position
        if (last[0] === first[0] && last[1] === first[1]) mapped.pop()
        mapped.push([first[0] as number, first[1] as number])
        return mapped
      }),
    )
    const only = out[0]
    return out.length === 1 && only !== undefined ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: out }
  })
}

function round(v: number): number {
  return Math.round(v * DECIMALS) / DECIMALS
}

function copyRing(ring: Position[]): Position[] {
  return ring.map((p) => [p[0] as number, p[1] as number])
}

/** The parent's rings, open, without repeated vertices, outer rings counter-clockwise and holes clockwise. */
function parentRings(parent: Polygon | MultiPolygon, frame: LocalFrame): Ring[] {
  const polygons = parent.type === 'Polygon' ? [parent.coordinates] : parent.coordinates
  const out: Ring[] = []
  for (const polygon of polygons) {
    polygon.forEach((coordinates, ringIndex) => {
      const deg: Position[] = []
      for (const p of coordinates) {
        if (!Number.isFinite(p?.[0]) || !Number.isFinite(p?.[1])) throw new TypeError('parent coordinates must be finite numbers')
        const last = deg[deg.length - 1]
        if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) deg.push(p)
      }
      const first = deg[0]
      const last = deg[deg.length - 1]
      if (first !== undefined && last !== undefined && deg.length > 1 && first[0] === last[0] && first[1] === last[1]) deg.pop()
      if (deg.length < 3) return
      let km = deg.map((p) => frame.toLocal(p))
      const wantPositive = ringIndex === 0
      if (signedArea(km) > 0 !== wantPositive) {
        deg.reverse()
        km = km.reverse()
      }
      const [minX, minY, maxX, maxY] = pointsBbox(km)
      out.push({ deg, km, minX, minY, maxX, maxY })
    })
  }
  if (out.length === 0) throw new RangeError('parent has no ring with an area')
  return out
}

/**
 * Voronoi cells (turf.voronoi, counter-clockwise) with, for each edge, the canonical bisector of the two
 * sites it separates. Every later inside test and crossing uses these bisectors, not the corners, so two
 * neighbours classify every point and compute every crossing with the very same arithmetic.
 */
function voronoiCells(sites: XY[], rings: Ring[]): Cell[] {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const r of rings) {
    minX = Math.min(minX, r.minX)
    minY = Math.min(minY, r.minY)
    maxX = Math.max(maxX, r.maxX)
    maxY = Math.max(maxY, r.maxY)
  }
  for (const [x, y] of sites) {
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  const pad = Math.max(maxX - minX, maxY - minY) + 1
  const fc = voronoi(featureCollection(sites.map((s) => point(s))), { bbox: [minX - pad, minY - pad, maxX + pad, maxY + pad] })
  const rawCells = sites.map((_, i) => {
    // turf.voronoi leaves a hole in its output for a duplicate site.
    const ring = fc.features[i]?.geometry?.coordinates[0]
    if (ring === undefined) throw new RangeError(`site ${i} has no Voronoi cell (duplicate site)`)
    const open = ring.slice(0, -1).map((p) => [p[0], p[1]] as XY)
    return signedArea(open) < 0 ? open.reverse() : open
  })
  const sitesAt = new Map<string, number[]>()
  rawCells.forEach((corners, i) => {
    for (const c of corners) {
      const key = `${c[0]},${c[1]}`
      const list = sitesAt.get(key)
      if (list === undefined) sitesAt.set(key, [i])
      else if (!list.includes(i)) list.push(i)
    }
  })
  return rawCells.map((corners, i) => {
    const constraints = corners.map((a, k): Constraint => {
      const b = corners[(k + 1) % corners.length] as XY
      const atA = sitesAt.get(`${a[0]},${a[1]}`) ?? []
      const atB = sitesAt.get(`${b[0]},${b[1]}`) ?? []
      const j = atA.find((s) => s !== i && atB.includes(s))
      if (j === undefined) {
        // An edge on the bounding box: the line through its corners, inside to the left.
        return { a: b[1] - a[1], b: a[0] - b[0], c: (b[1] - a[1]) * a[0] + (a[0] - b[0]) * a[1], flip: false }
      }
      const lo = sites[Math.min(i, j)] as XY
      const hi = sites[Math.max(i, j)] as XY
      // f(p) = (hi − lo)·p − (|hi|² − |lo|²)/2: negative on lo's side, positive on hi's.
      return {
        a: hi[0] - lo[0],
        b: hi[1] - lo[1],
        c: (hi[0] * hi[0] + hi[1] * hi[1] - (lo[0] * lo[0] + lo[1] * lo[1])) / 2,
        flip: i > j,
      }
    })
    const [cMinX, cMinY, cMaxX, cMaxY] = pointsBbox(corners)
    return { corners, constraints, minX: cMinX, minY: cMinY, maxX: cMaxX, maxY: cMaxY }
  })
}

/**
 * `parent ∩ cell` as polygons (rings of positions, closed later), by walking the parent's boundary inside
 * the convex cell and the cell's boundary (counter-clockwise) from each exit to the next entry.
 */
function clipToCell(rings: Ring[], cell: Cell, parent: Polygon | MultiPolygon, cornerOf: (c: XY) => Position): Position[][][] {
  const m = cell.constraints.length
  const pieces: Piece[] = []
  const closed: Position[][] = []
  for (const ring of rings) {
    if (ring.maxX < cell.minX || ring.minX > cell.maxX || ring.maxY < cell.minY || ring.minY > cell.maxY) continue
    const n = ring.km.length
    // g[k * n + v]: constraint k at vertex v, computed once so that every segment sees the same values.
    const g = new Float64Array(m * n)
    const outside = new Uint8Array(n)
    let start = -1
    for (let v = 0; v < n; v++) {
      const [x, y] = ring.km[v] as XY
      for (let k = 0; k < m; k++) {
        const c = cell.constraints[k] as Constraint
        const f = c.a * x + c.b * y - c.c
        const value = c.flip ? -f : f
        g[k * n + v] = value
        if (value > 0) outside[v] = 1
      }
      if (outside[v] === 1 && start === -1) start = v
    }
    if (start === -1) {
      closed.push(ring.deg.slice())
      continue
    }
    let current: Piece | null = null
    for (let s = 0; s < n; s++) {
      const pi = (start + s) % n
      const qi = (pi + 1) % n
      const P = ring.deg[pi] as Position
      const Q = ring.deg[qi] as Position
      if (outside[pi] === 1 && outside[qi] === 1) {
        const [px, py] = ring.km[pi] as XY
        const [qx, qy] = ring.km[qi] as XY
        if (Math.max(px, qx) < cell.minX || Math.min(px, qx) > cell.maxX || Math.max(py, qy) < cell.minY || Math.min(py, qy) > cell.maxY) continue
      }
      // Cyrus–Beck: the part of P→Q inside the convex cell is [tin, tout].
      let tin = 0
      let tout = 1
      let kin = -1
      let kout = -1
      let empty = false
      for (let k = 0; k < m; k++) {
        const gp = g[k * n + pi] as number
        const gq = g[k * n + qi] as number
        if (gp <= 0 && gq <= 0) continue
        if (gp > 0 && gq > 0) {
          empty = true
          break
        }
        // With g = ±f this is bit-identical on both sides of a bisector: (−a)/(−a − −b) = a/(a − b).
        const t = gp / (gp - gq)
        if (gp > 0) {
          if (kin === -1 || t > tin) {
            tin = t
            kin = k
          }
        } else if (kout === -1 || t < tout) {
          tout = t
          kout = k
        }
      }
      if (empty || tin > tout) continue
      if (current === null) {
        // Touching the cell at one point and leaving again is no piece; entering exactly at Q is one.
        if (tin === tout && kout !== -1) continue
        if (kin === -1) throw new Error('voronoiSplit: a piece starts without an entry (generator bug)')
        const entry = at(P, Q, tin)
        current = { entry, entryPos: positionOnCell(cell, kin, ring.km[pi] as XY, ring.km[qi] as XY, tin), verts: [], exit: entry, exitPos: 0 }
      }
      if (kout !== -1) {
        current.exit = at(P, Q, tout)
        current.exitPos = positionOnCell(cell, kout, ring.km[pi] as XY, ring.km[qi] as XY, tout)
        pieces.push(current)
        current = null
      } else {
        current.verts.push(Q)
      }
    }
    if (current !== null) throw new Error('voronoiSplit: a boundary walk did not close (generator bug)')
  }

  const out: Position[][] = []
  if (pieces.length === 0) {
    // No border crosses the cell: it lies wholly inside the parent or wholly outside.
    const c0 = cornerOf(cell.corners[0] as XY)
    if (pointInPolygon(c0[0] as number, c0[1] as number, parent)) out.push(cell.corners.map(cornerOf))
  } else {
    const used = new Uint8Array(pieces.length)
    for (let p0 = 0; p0 < pieces.length; p0++) {
      if (used[p0] === 1) continue
      const ring: Position[] = []
      let p = p0
      let closedWalk = false
      for (let guard = 0; guard < pieces.length && !closedWalk; guard++) {
        used[p] = 1
        const piece = pieces[p] as Piece
        ring.push(piece.entry, ...piece.verts, piece.exit)
        // The next entry counter-clockwise along the cell from this exit (distance 0 included).
        let next = -1
        let best = Infinity
        for (let q = 0; q < pieces.length; q++) {
          let d = (pieces[q] as Piece).entryPos - piece.exitPos
          if (d < 0) d += m
          if (d < best) {
            best = d
            next = q
          }
        }
        const nextPiece = pieces[next] as Piece
        const from = Math.floor(piece.exitPos)
        let steps = (Math.floor(nextPiece.entryPos) - from + m) % m
        if (steps === 0 && nextPiece.entryPos < piece.exitPos) steps = m
        for (let s = 1; s <= steps; s++) ring.push(cornerOf(cell.corners[(from + s) % m] as XY))
        if (next === p0) closedWalk = true
        else if (used[next] === 1) throw new Error('voronoiSplit: boundary walk rejoined the wrong piece (generator bug)')
        p = next
      }
      if (!closedWalk) throw new Error('voronoiSplit: a boundary walk did not close (generator bug)')
      out.push(ring)
    }
  }
  out.push(...closed)
  return assemble(out)
}

/** Groups rings into polygons: counter-clockwise ones are exteriors, clockwise ones holes of the smallest exterior around them. */
function assemble(rings: Position[][]): Position[][][] {
  const exteriors: { ring: Position[]; area: number; holes: Position[][] }[] = []
  const holes: Position[][] = []
  for (const raw of rings) {
    const ring: Position[] = []
    for (const p of raw) {
      const last = ring[ring.length - 1]
      if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) ring.push(p)
    }
    while (ring.length > 1) {
      const first = ring[0] as Position
      const last = ring[ring.length - 1] as Position
      if (first[0] !== last[0] || first[1] !== last[1]) break
      ring.pop()
    }
    if (ring.length < 3) continue
    const area = signedArea(ring.map((p) => [p[0], p[1]] as XY))
    if (area > 0) exteriors.push({ ring, area, holes: [] })
    else if (area < 0) holes.push(ring)
  }
  for (const hole of holes) {
    const probe = hole[0] as Position
    let owner: (typeof exteriors)[number] | undefined
    for (const e of exteriors) {
      if (pointInPolygon(probe[0] as number, probe[1] as number, { type: 'Polygon', coordinates: [e.ring] }) && (owner === undefined || e.area < owner.area)) owner = e
    }
    if (owner === undefined) throw new Error('voronoiSplit: a hole lies in no exterior ring (generator bug)')
    owner.holes.push(hole)
  }
  exteriors.sort((a, b) => b.area - a.area)
  return exteriors.map((e) => [e.ring, ...e.holes])
}

/** The point at t along P→Q, exactly P or Q at the ends. */
function at(P: Position, Q: Position, t: number): Position {
  if (t === 0) return P
  if (t === 1) return Q
  const px = P[0] as number
  const py = P[1] as number
  return [px + t * ((Q[0] as number) - px), py + t * ((Q[1] as number) - py)]
}

/** Position along the cell's boundary: edge index plus the fraction along that edge. */
function positionOnCell(cell: Cell, k: number, p: XY, q: XY, t: number): number {
  const a = cell.corners[k] as XY
  const b = cell.corners[(k + 1) % cell.corners.length] as XY
  const x = p[0] + t * (q[0] - p[0])
  const y = p[1] + t * (q[1] - p[1])
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  const u = len2 > 0 ? ((x - a[0]) * dx + (y - a[1]) * dy) / len2 : 0
  // Stay within the edge, and below the next edge's 0, so that sorting by position is sorting along the cell.
  return k + Math.min(Math.max(u, 0), 1 - 1e-12)
}

/** Shortest distance (km) from p to the parent's border. */
function distanceToBorderKm(p: XY, rings: Ring[]): number {
  let best = Infinity
  for (const ring of rings) {
    if (p[0] < ring.minX - best || p[0] > ring.maxX + best || p[1] < ring.minY - best || p[1] > ring.maxY + best) continue
    const n = ring.km.length
    for (let i = 0; i < n; i++) {
      const a = ring.km[i] as XY
      const b = ring.km[(i + 1) % n] as XY
      if (Math.min(a[0], b[0]) - best > p[0] || Math.max(a[0], b[0]) + best < p[0]) continue
      if (Math.min(a[1], b[1]) - best > p[1] || Math.max(a[1], b[1]) + best < p[1]) continue
      const dx = b[0] - a[0]
      const dy = b[1] - a[1]
      const len2 = dx * dx + dy * dy
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0
      best = Math.min(best, Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]))
    }
  }
  return best
}

