/**
 * Draws the building units (楼栋) of one compound on its site plan: old compounds get six-storey slabs
 * (5–7 floors) of two to four stair units, newer ones 18–33-storey point towers. Each building sits in
 * its own lattice slot, so buildings never touch and all stay inside the compound's setback.
 */
import { slotCenter } from './compound-layout.ts'
import type { XY } from './local-frame.ts'
import type { PlacedCompound } from './place-compounds.ts'
import type { Random } from './seeded-random.ts'
import { boxPoint, boxRing } from './site-shapes.ts'

export interface PlacedBuilding {
  /** Counter-clockwise, km. */
  outline: XY[]
  floors: number
  households: number
}

/**
 * `count` buildings (at most the plan's slots) for `compound`, in slot order: rows from the compound's
 * −v side, each row from its −u end. Slots left over become lawns, chosen at random.
 *
 * @example
 * placeBuildings(rng.fork(compoundId), compound, 24).length // 24
 */
export function placeBuildings(rng: Random, compound: PlacedCompound, count: number): PlacedBuilding[] {
  const { layout, box } = compound
  const slots = layout.rows * layout.cols
  const chosen = pickSlots(rng, slots, Math.min(count, slots))
  // Per compound: old slabs have two (sometimes three) flats per unit per floor; a tower two to four per floor.
  const flatsPerUnitFloor = layout.old ? (rng.next() < 0.1 ? 3 : 2) : rng.weighted([{ value: 2, weight: 0.6 }, { value: 3, weight: 0.25 }, { value: 4, weight: 0.15 }])
  const towerFloors = rng.int(18, 33)
  return chosen.map((slot) => {
    const [u, v] = slotCenter(layout, slot)
    const units = layout.old ? rng.int(2, layout.maxUnits) : 1
    const length = layout.old ? units * layout.unitWidth : layout.unitWidth * rng.range(0.9, 1)
    const depth = layout.depth * rng.range(0.92, 1)
    const outline = boxRing({ center: boxPoint(box, u, v), halfU: length / 2, halfV: depth / 2, angle: box.angle })
    // Old: mostly six storeys (the brick 砖混 standard), some five or seven.
    const r = rng.next()
    const floors = layout.old ? (r < 0.25 ? 5 : r < 0.75 ? 6 : 7) : Math.min(33, Math.max(18, towerFloors + Math.floor(r * 5) - 2))
    return { outline, floors, households: floors * units * flatsPerUnitFloor }
  })
}

/** `count` distinct slot indices out of `slots`, ascending (a partial Fisher–Yates shuffle). */
function pickSlots(rng: Random, slots: number, count: number): number[] {
  const all = Array.from({ length: slots }, (_, i) => i)
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng.next() * (slots - i))
    const tmp = all[i] as number
    all[i] = all[j] as number
    all[j] = tmp
  }
  return all.slice(0, count).sort((a, b) => a - b)
}
