/**
 * The site plan of a residential compound: its buildings on a lattice of rows (行列式), the way Chengdu's
 * compounds are laid out for sunlight. Old compounds (老旧小区) pack long six-storey slabs of two to four
 * stair units close together; newer ones set point towers further apart, often chequerwise. The plan fixes
 * the compound's size, so a compound is as big as the buildings it holds.
 */
import type { Random } from './seeded-random.ts'

export interface CompoundLayout {
  old: boolean
  rows: number
  cols: number
  /** Width of one stair unit (km); an old slab is 2–4 units long, a tower is one. */
  unitWidth: number
  /** Most units a building here has. */
  maxUnits: number
  /** Building depth across the rows (km). */
  depth: number
  /** Distance between neighbouring slots along a row / between rows (km). */
  pitchU: number
  pitchV: number
  /** How far odd rows are shifted along the row (km): 0, or half a pitch for towers set chequerwise. */
  stagger: number
  /** Clear strip between the outermost buildings and the compound's wall (km). */
  setback: number
}

/**
 * A plan with room for at least `capacity` buildings (rows × cols may exceed it; spare slots are lawns).
 * @example
 * const plan = planLayout(rng, true, 30)
 * plan.rows * plan.cols >= 30 // true
 */
export function planLayout(rng: Random, old: boolean, capacity: number): CompoundLayout {
  const base = old
    ? (() => {
        const unitWidth = rng.range(0.012, 0.0135)
        const maxUnits = rng.int(2, 4)
        const depth = rng.range(0.01, 0.012)
        return {
          unitWidth, maxUnits, depth,
          pitchU: unitWidth * maxUnits + rng.range(0.005, 0.009),
          pitchV: depth + rng.range(0.01, 0.014),
          stagger: 0,
          setback: rng.range(0.005, 0.008),
        }
      })()
    : (() => {
        const unitWidth = rng.range(0.02, 0.028)
        const depth = rng.range(0.015, 0.019)
        const pitchU = unitWidth + rng.range(0.012, 0.018)
        return {
          unitWidth, maxUnits: 1, depth, pitchU,
          pitchV: depth + rng.range(0.022, 0.03),
          stagger: rng.next() < 0.4 ? pitchU / 2 : 0,
          setback: rng.range(0.008, 0.012),
        }
      })()
  const aspect = rng.range(0.7, 1.6)
  const cols = Math.max(1, Math.min(capacity, Math.round(Math.sqrt((capacity * aspect * base.pitchV) / base.pitchU))))
  return { old, rows: Math.ceil(capacity / cols), cols, ...base }
}

/**
 * Half the compound's length along its rows and across them (km), setback included.
 * @example layoutHalfSize(plan) // { halfU: 0.11, halfV: 0.09 }
 */
export function layoutHalfSize(l: CompoundLayout): { halfU: number; halfV: number } {
  const inner = innerHalfSize(l)
  return { halfU: inner.halfU + l.setback, halfV: inner.halfV + l.setback }
}

/**
 * The same plan one row or column smaller (whichever is the longer side), or null at a single slot.
 * @example shrinkLayout({ ...plan, rows: 3, cols: 1 })?.rows // 2
 */
export function shrinkLayout(l: CompoundLayout): CompoundLayout | null {
  const { halfU, halfV } = innerHalfSize(l)
  if (l.cols > 1 && (halfU >= halfV || l.rows === 1)) return { ...l, cols: l.cols - 1 }
  if (l.rows > 1) return { ...l, rows: l.rows - 1 }
  return null
}

/**
 * The plan with as many rows and columns as fit a compound of half-sizes `halfU` × `halfV` (km, setback
 * included), or null when not even one building fits.
 * @example fitLayout(plan, 0.1, 0.08)?.rows // the rows that fit in 160 m less the setbacks
 */
export function fitLayout(l: CompoundLayout, halfU: number, halfV: number): CompoundLayout | null {
  const length = l.unitWidth * l.maxUnits
  const spanU = 2 * (halfU - l.setback) - length
  const spanV = 2 * (halfV - l.setback) - l.depth
  if (spanU < 0 || spanV < 0) return null
  const rows = Math.floor(spanV / l.pitchV) + 1
  // A staggered second row needs room for its shift.
  const cols = Math.floor((spanU - (rows > 1 ? l.stagger : 0)) / l.pitchU) + 1
  return cols >= 1 ? { ...l, rows, cols } : null
}

/**
 * Centre of slot `index` (row-major from the −u, −v corner), in the compound's axes from its centre (km).
 * @example slotCenter(plan, 0) // [u, v] of the south-west slot
 */
export function slotCenter(l: CompoundLayout, index: number): [number, number] {
  const row = Math.floor(index / l.cols)
  const col = index % l.cols
  const { halfU, halfV } = innerHalfSize(l)
  const length = l.unitWidth * l.maxUnits
  return [-halfU + length / 2 + col * l.pitchU + (row % 2 === 1 ? l.stagger : 0), -halfV + l.depth / 2 + row * l.pitchV]
}

function innerHalfSize(l: CompoundLayout): { halfU: number; halfV: number } {
  const length = l.unitWidth * l.maxUnits
  const stagger = l.rows > 1 ? l.stagger : 0
  return { halfU: ((l.cols - 1) * l.pitchU + length + stagger) / 2, halfV: ((l.rows - 1) * l.pitchV + l.depth) / 2 }
}
