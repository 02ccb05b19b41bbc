/**
 * Places the residential compounds (小区/院落, DESIGN §2.1): each inside one grid, clear of the dedicated
 * grids and of each other, and sized by its site plan (`compound-layout.ts`). Age follows the district's
 * history: the south-west, next to the city centre, is mostly pre-2000 compounds (老旧小区) with older
 * residents; the north-east is mostly new high-rise estates.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import type { NodeProps } from '../domain/geo.ts'
import { allocateCounts } from './allocate-counts.ts'
import { fitLayout, layoutHalfSize, planLayout, shrinkLayout, type CompoundLayout } from './compound-layout.ts'
import { convexOverlap } from './convex-overlap.ts'
import type { XY } from './local-frame.ts'
import { largestBox, ringHalfPlanes, type BoxFit, type HalfPlane } from './largest-box.ts'
import { pointsBbox, signedArea } from './planar-ring.ts'
import { randomPointInPolygon } from './random-point-in-polygon.ts'
import { ringInsidePolygon } from './ring-inside-polygon.ts'
import type { Random } from './seeded-random.ts'
import type { SiteFrame } from './site-frame.ts'
import { boxRing, cutCornerRing, type OrientedBox } from './site-shapes.ts'

type Node = Feature<Polygon | MultiPolygon, NodeProps>

export interface PlacedCompound {
  /** Index into the grids array. */
  grid: number
  old: boolean
  builtYear: number
  elderlyShare: number
  layout: CompoundLayout
  /** The compound's rectangle: its outline is this with some corners cut. */
  box: OrientedBox
  /** Counter-clockwise, km. */
  outline: XY[]
  envelope: XY[]
}

/** Clearance kept around every compound (km): its wall and the lane outside it. */
export const COMPOUND_MARGIN_KM = 0.005
/** Plans hold this many more slots than buildings, so the ones that must shrink to fit still leave enough. */
const SPARE_SLOTS = 1.05
/** A compound that finds more room than planned may grow to this many times its planned buildings. */
const GROW = 1.3
const MIN_BUILDINGS = 4
/** Relative size of old and new compounds' plans: old estates hold more (and smaller) buildings. */
const OLD_WEIGHT = 1.45
const NEW_WEIGHT = 0.6
/** Grids tried for a compound short of its planned room, and for one that has found no room at all. */
const GRIDS_TO_TRY = 6
const GRIDS_TO_TRY_AT_MOST = 30
/** Compounds turned away in a row after which the district counts as full. */
const FULL_AFTER = 10
/** Share of its planned buildings a compound settles for without looking at other grids. */
const GOOD_ENOUGH = 0.8
/** Obstacles (dedicated grids, earlier compounds) a compound is fitted around in one grid. */
const OBSTACLE_ROUNDS = 4
/** The grid edges (longest first) a compound may square up to. */
const STREET_ANGLES = 2
/** A grid wider or taller than this many compound reaches is searched in windows (see `tryPlace`). */
const BIG_GRID = 4
const WINDOWS = 4
/** A window's half-size, in compound reaches (half-diagonal at the largest scale). */
const WINDOW_SIZE = 1.5
/** Random moves tried within the room a compound does not need. */
const JITTER_TRIES = 4
/** How strongly a grid that already has a compound is passed over for the next. */
const CROWDING = 4

/**
 * Places `total` compounds in `grids` (whose communities are `communityOfGrid`), planning room for about
 * `buildings` buildings among them, clear of the dedicated grids' envelopes (`dedicatedByCommunity`, by
 * community index). Returned in placement order. A compound with no room in any grid it tries is left out
 * (only where the district is too small for the counts asked; never for the default city).
 *
 * @example
 * const compounds = placeCompounds(h.grids, communityOfGrid, frame, rng.fork('compounds'), 571, 15_800, envelopes)
 */
export function placeCompounds(
  grids: readonly Node[],
  communityOfGrid: readonly number[],
  frame: SiteFrame,
  rng: Random,
  total: number,
  buildings: number,
  dedicatedByCommunity: readonly (readonly XY[][])[],
): PlacedCompound[] {
  const shapes = grids.map((g) => gridShape(frame, g))
  // Room left in each grid (km²) once the dedicated grids are taken out, roughly (a dedicated grid counts
  // against a grid by the share of its bounding box inside the grid's): roomy grids get the compounds.
  const free = shapes.map((shape, g) => {
    let room = Math.abs(signedArea(shape.ring))
    for (const o of dedicatedByCommunity[communityOfGrid[g] as number] ?? []) {
      const [minX, minY, maxX, maxY] = pointsBbox(o)
      const w = Math.min(maxX, shape.bbox[2]) - Math.max(minX, shape.bbox[0])
      const h = Math.min(maxY, shape.bbox[3]) - Math.max(minY, shape.bbox[1])
      if (w > 0 && h > 0) room -= (Math.abs(signedArea(o)) * w * h) / ((maxX - minX) * (maxY - minY))
    }
    return Math.max(room, 0)
  })
  const gridsOfCommunity = new Map<number, number[]>()
  communityOfGrid.forEach((c, g) => gridsOfCommunity.set(c, [...(gridsOfCommunity.get(c) ?? []), g]))
  const used = grids.map(() => 0)
  // Kept up to date as grids fill: picking a grid is then one pass over plain numbers.
  const weights = Float64Array.from(free, (f) => f * f)
  const weightOf = (g: number): number => weights[g] as number
  const use = (g: number, room: number): void => {
    used[g] = (used[g] as number) + 1
    free[g] = Math.max(0, (free[g] as number) - room)
    weights[g] = (free[g] as number) ** 2 / (1 + CROWDING * (used[g] as number))
  }

  // Plan first (grid, age, residents), so building counts can be shared out before anything is placed.
  const planRng = rng.fork('plan')
  const all = grids.map((_, g) => g)
  const plans = Array.from({ length: total }, () => {
    const grid = pickIndex(planRng, all, weightOf)
    use(grid, 0)
    const t = frame.southWestToNorthEast(frame.centerOf((grids[grid] as Node).geometry))
    const old = planRng.next() < clamp(0.95 - 0.9 * t, 0.08, 0.92)
    const builtYear = old
      ? Math.round(clamp(1992 - 10 * (1 - t) + planRng.normal(0, 6), 1958, 1999))
      : Math.round(clamp(2003 + 14 * t + planRng.normal(0, 4), 2000, 2024))
    const elderlyShare = old
      ? clamp(0.24 + 0.004 * (1999 - builtYear) + planRng.normal(0, 0.04), 0.12, 0.6)
      : clamp(0.07 + 0.005 * (2024 - builtYear) + planRng.normal(0, 0.03), 0.03, 0.3)
    // Old estates (factory housing) hold more, smaller buildings; a lognormal spread of sizes.
    const weight = Math.exp(planRng.normal(0, 0.35)) * (old ? OLD_WEIGHT : NEW_WEIGHT)
    return { grid, old, builtYear, elderlyShare: Math.round(elderlyShare * 1000) / 1000, weight }
  })
  if (plans.length === 0) return []
  const slots = Math.ceil(buildings * SPARE_SLOTS)
  const min = Math.max(1, Math.min(MIN_BUILDINGS, Math.floor(slots / plans.length)))
  const capacities = allocateCounts(plans.map((p) => p.weight), Math.max(slots, min * plans.length), min)

  const placeRng = rng.fork('place')
  const dedicatedObstacles = dedicatedByCommunity.map((list) => list.map(obstacle))
  const byGrid: Obstacle[][] = grids.map(() => [])
  const placed: PlacedCompound[] = []
  // The biggest first, while the grids are empty.
  const order = plans.map((_, i) => i).sort((a, b) => (capacities[b] as number) - (capacities[a] as number) || a - b)
  let misses = 0
  for (const i of order) {
    const plan = plans[i] as (typeof plans)[number]
    const capacity = capacities[i] as number
    const planned = planLayout(placeRng, plan.old, capacity)
    // Its planned grid first; if that is short of room, a few others in the same community (so the
    // compound's age still matches where it is), then anywhere.
    const neighbours = (gridsOfCommunity.get(communityOfGrid[plan.grid] as number) ?? []).filter((g) => g !== plan.grid)
    let best: (ReturnType<typeof tryPlace> & { grid: number }) | null = null
    // A district that keeps turning compounds away is full: stop searching it so hard.
    const patience = misses < FULL_AFTER ? GRIDS_TO_TRY_AT_MOST : GRIDS_TO_TRY
    for (let attempt = 0; best === null ? attempt < patience : attempt < GRIDS_TO_TRY && best.layout.rows * best.layout.cols < GOOD_ENOUGH * capacity; attempt++) {
      const pool = attempt < GRIDS_TO_TRY / 2 && neighbours.length > 0 ? neighbours : all
      const grid = attempt === 0 ? plan.grid : pickIndex(placeRng, pool, weightOf)
      const shape = shapes[grid] as GridShape
      const obstacles = [...(dedicatedObstacles[communityOfGrid[grid] as number] ?? []), ...(byGrid[grid] as Obstacle[])].filter((o) => bboxesMeet(o.bbox, shape.bbox))
      const site = tryPlace(placeRng, frame, planned, Math.max(min, Math.round(capacity * GROW)), shape, obstacles, Math.min(min, capacity))
      if (site && (best === null || site.layout.rows * site.layout.cols > best.layout.rows * best.layout.cols)) best = { ...site, grid }
    }
    if (best === null) {
      misses++
      continue
    }
    misses = 0
    const { grid, ...site } = best
    ;(byGrid[grid] as Obstacle[]).push(obstacle(site.envelope))
    use(grid, 4 * site.box.halfU * site.box.halfV)
    placed.push({ grid, old: plan.old, builtYear: plan.builtYear, elderlyShare: plan.elderlyShare, ...site })
  }
  return placed
}

/** One of `items`, with probability proportional to `weightOf` (the first, when all weigh nothing). */
function pickIndex(rng: Random, items: readonly number[], weightOf: (item: number) => number): number {
  let total = 0
  for (const item of items) total += weightOf(item)
  let r = rng.next() * total
  for (const item of items) {
    const w = weightOf(item)
    if (w > 0 && (r -= w) < 0) return item
  }
  return items.find((item) => weightOf(item) > 0) ?? (items[0] as number)
}

/** A grid as the placer needs it: its geometry, its outer ring in km (counter-clockwise) and that ring's edges as half-planes. */
interface GridShape {
  geometry: Polygon | MultiPolygon
  ring: XY[]
  planes: HalfPlane[]
  bbox: [number, number, number, number]
  /** Directions (radians, modulo a right angle) of its longest edges: the streets a compound would face. */
  streets: number[]
  /** Its edges' half-planes with their bounding boxes, to pick out the ones near a window. */
  edges: { plane: HalfPlane; bbox: [number, number, number, number] }[]
}

function gridShape(frame: SiteFrame, grid: Node): GridShape {
  const outer: Position[] = (grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0] : grid.geometry.coordinates[0]?.[0]) ?? []
  const ring = outer.slice(0, -1).map((p) => frame.toLocal(p))
  if (signedArea(ring) < 0) ring.reverse()
  const edges = ring.map((a, i) => {
    const b = ring[(i + 1) % ring.length] as XY
    return { length: Math.hypot(b[0] - a[0], b[1] - a[1]), angle: Math.atan2(b[1] - a[1], b[0] - a[0]) }
  })
  const streets = edges
    .sort((x, y) => y.length - x.length)
    .slice(0, STREET_ANGLES)
    .map((e) => ((e.angle % (Math.PI / 2)) + Math.PI / 2) % (Math.PI / 2))
  const planes = ringHalfPlanes(ring)
  const withBoxes = ring.flatMap((a, i) => {
    const b = ring[(i + 1) % ring.length] as XY
    const bbox = pointsBbox([a, b])
    // ringHalfPlanes skips zero-length edges, and so does this.
    return a[0] === b[0] && a[1] === b[1] ? [] : [{ bbox }]
  })
  return { geometry: grid.geometry, ring, planes, bbox: pointsBbox(ring), streets, edges: withBoxes.map((e, i) => ({ plane: planes[i] as HalfPlane, bbox: e.bbox })) }
}

/**
 * The roomiest spot in the grid for the planned compound: for each candidate angle (square to one of the
 * grid's longer edges, either way round) the largest box of the plan's proportions that fits the grid and
 * stays behind the obstacles; the plan is then refitted to the room found (capped at `maxBuildings`) and
 * moved at random within the room left over, so compounds do not all sit dead centre.
 *
 * A grid much bigger than the compound (an imported district's coarse tiers) is searched in a few square
 * windows around random points instead, each holding only the edges and obstacles near it: the whole
 * grid's hundreds of edges and dozens of compounds would make every solve slow, and a compound needs
 * only room for itself.
 */
function tryPlace(
  rng: Random,
  frame: SiteFrame,
  planned: CompoundLayout,
  maxBuildings: number,
  grid: GridShape,
  obstacles: readonly Obstacle[],
  minBuildings: number,
): Pick<PlacedCompound, 'layout' | 'box' | 'outline' | 'envelope'> | null {
  const planHalf = layoutHalfSize(planned)
  const a = planHalf.halfU + COMPOUND_MARGIN_KM
  const b = planHalf.halfV + COMPOUND_MARGIN_KM
  const reach = GROW * Math.hypot(a, b)
  const [minX, minY, maxX, maxY] = grid.bbox
  const windows: { planes: HalfPlane[]; obstacles: readonly Obstacle[] }[] = []
  if (maxX - minX <= BIG_GRID * reach && maxY - minY <= BIG_GRID * reach) {
    windows.push({ planes: grid.planes, obstacles })
  } else {
    const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: null, geometry: grid.geometry }
    for (let w = 0; w < WINDOWS; w++) {
      const [x, y] = frame.toLocal(randomPointInPolygon(rng, feature))
      const half = WINDOW_SIZE * reach
      const window: [number, number, number, number] = [x - half, y - half, x + half, y + half]
      const sides: HalfPlane[] = [{ nx: 1, ny: 0, d: x - half }, { nx: -1, ny: 0, d: -(x + half) }, { nx: 0, ny: 1, d: y - half }, { nx: 0, ny: -1, d: -(y + half) }]
      windows.push({
        planes: [...grid.edges.filter((e) => bboxesMeet(e.bbox, window)).map((e) => e.plane), ...sides],
        obstacles: obstacles.filter((o) => bboxesMeet(o.bbox, window)),
      })
    }
  }
  let best: { fit: BoxFit; angle: number; planes: HalfPlane[]; obstacles: readonly Obstacle[] } | null = null
  for (const window of windows) {
    // The room each angle would give with no obstacles bounds what it can give with them: the most
    // promising angle goes first, and angles that cannot beat the best so far are skipped.
    const angles = grid.streets
      .flatMap((street) => [street, street + Math.PI / 2])
      .map((angle) => ({ angle, open: largestBox(window.planes, angle, a, b, GROW) }))
      .sort((x, y) => (y.open?.scale ?? 0) - (x.open?.scale ?? 0))
    for (const { angle, open } of angles) {
      if (open === null || open.scale <= (best?.fit.scale ?? 0)) break
      const found = fitBehindObstacles(window.planes, open, window.obstacles, angle, a, b)
      if (found && (best === null || found.fit.scale > best.fit.scale)) best = { ...found, angle, obstacles: window.obstacles }
    }
  }
  if (best === null) return null
  const { fit, angle, planes } = best
  let layout = fitLayout(planned, fit.scale * a - COMPOUND_MARGIN_KM, fit.scale * b - COMPOUND_MARGIN_KM)
  while (layout !== null && layout.rows * layout.cols > maxBuildings) layout = shrinkLayout(layout)
  if (layout === null || layout.rows * layout.cols < minBuildings) return null
  const half = layoutHalfSize(layout)
  const at = (center: XY): OrientedBox => ({ center, angle, ...half })
  let box = at(fit.center)
  // Up to the slack the smaller box leaves; the first spot that still clears everything is kept.
  const slack = fit.scale * Math.min(a, b) - Math.min(half.halfU, half.halfV) - COMPOUND_MARGIN_KM
  for (let k = 0; k < JITTER_TRIES && slack > 0; k++) {
    const r = slack * rng.next()
    const theta = rng.next() * 2 * Math.PI
    const moved = at([fit.center[0] + r * Math.cos(theta), fit.center[1] + r * Math.sin(theta)])
    const envelope = boxRing(moved, COMPOUND_MARGIN_KM)
    if (envelope.every(([x, y]) => planes.every((p) => p.nx * x + p.ny * y >= p.d)) && !best.obstacles.some((o) => convexOverlap(envelope, o.ring))) {
      box = moved
      break
    }
  }
  const envelope = boxRing(box, COMPOUND_MARGIN_KM)
  // The room was measured on the grid's edges as half-planes: check the real polygon before keeping it.
  if (obstacles.some((o) => convexOverlap(envelope, o.ring))) return null
  if (!ringInsidePolygon(frame.toLngLatRing(envelope), grid.geometry)) return null
  // Old 院落 have irregular walls; the cuts stay inside the setback, clear of every building.
  const outline = cutCornerRing(rng, box, layout.setback * 0.9, layout.old ? 0.35 : 0.15)
  return { layout, box, outline, envelope }
}

/**
 * The largest box in `gridPlanes` (`open` without obstacles) that overlaps no obstacle. An obstacle in the way is kept out by one of its
 * edges (the one that leaves the most room) becoming another half-plane; a few rounds settle it.
 */
function fitBehindObstacles(
  gridPlanes: readonly HalfPlane[],
  open: BoxFit,
  obstacles: readonly Obstacle[],
  angle: number,
  a: number,
  b: number,
): { fit: BoxFit; planes: HalfPlane[] } | null {
  let planes = [...gridPlanes]
  let fit: BoxFit | null = open
  for (let round = 0; fit !== null && round < OBSTACLE_ROUNDS; round++) {
    const current: BoxFit = fit
    const box = boxRing({ center: current.center, angle, halfU: a * current.scale, halfV: b * current.scale })
    const blocking = obstacles.find((o) => bboxesMeet(pointsBbox(box), o.bbox) && convexOverlap(box, o.ring))
    if (blocking === undefined) return { fit: current, planes }
    let bestFit: BoxFit | null = null
    let bestPlanes = planes
    // The obstacle's edges, facing outwards: the box must stay on the far side of one. Only edges that
    // face the box's centre can leave it room, which spares most of the solves.
    for (const outside of blocking.outside) {
      if (outside.nx * current.center[0] + outside.ny * current.center[1] < outside.d) continue
      const tried = largestBox([...planes, outside], angle, a, b, GROW)
      if (tried && (bestFit === null || tried.scale > bestFit.scale)) {
        bestFit = tried
        bestPlanes = [...planes, outside]
      }
    }
    fit = bestFit
    planes = bestPlanes
  }
  if (fit === null) return null
  const box = boxRing({ center: fit.center, angle, halfU: a * fit.scale, halfV: b * fit.scale })
  return obstacles.some((o) => convexOverlap(box, o.ring)) ? null : { fit, planes }
}

/** Something a compound must keep clear of: a dedicated grid's or an earlier compound's envelope (convex). */
interface Obstacle {
  ring: XY[]
  /** Its edges' outer half-planes: a box wholly in one of them clears it. */
  outside: HalfPlane[]
  bbox: [number, number, number, number]
}

function obstacle(ring: XY[]): Obstacle {
  const ccw = signedArea(ring) < 0 ? [...ring].reverse() : ring
  return { ring, outside: ringHalfPlanes(ccw).map((p) => ({ nx: -p.nx, ny: -p.ny, d: -p.d })), bbox: pointsBbox(ring) }
}

function bboxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return (a[0] as number) <= (b[2] as number) && (b[0] as number) <= (a[2] as number) && (a[1] as number) <= (b[3] as number) && (b[1] as number) <= (a[3] as number)
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}
