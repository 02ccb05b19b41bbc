/**
 * Correlation: an event joins an open case about the same real incident. Same place (the same
 * building, the same micro-grid, or within `radiusM` metres), close in time (within `windowMs` of the
 * case's latest event, so a burst of calls keeps its case) and compatible categories (the family
 * table below). A smoke alarm plus five calls from the block within 15 minutes is one case.
 *
 * The index keeps every open case in three hash maps (building, micro-grid, and a square grid of
 * `radiusM` cells), so a lookup reads a handful of buckets whatever the number of open cases.
 */
import { distance } from '@turf/turf'
import type { LngLat, StoredEvent } from '../../domain/event.ts'

/** `source:category`, so a category code means one thing even if two sources share it. */
export type CategoryKey = `${string}:${string}`
export const categoryKey = (source: string, category: string): CategoryKey => `${source}:${category}`

/**
 * Families of categories that can describe one incident from different eyes: a smoke detector, a
 * resident smelling smoke, a grid worker reporting a fire hazard. A category may sit in several
 * families; two categories are compatible when they are equal or share one. There is no 12345
 * "fire" service (fires go to 119), so the hotline side of `fire` is what callers report around one:
 * smoke smell (cooking_fumes), gas smell, power-line hazards.
 */
export const CORRELATION_FAMILIES: Readonly<Record<string, readonly CategoryKey[]>> = {
  fire: [
    'sensor:smoke', 'sensor:heat', 'sensor:electrical', 'sensor:gas', 'incident:fire_hazard',
    'hotline:cooking_fumes', 'hotline:gas_supply', 'hotline:power_supply',
  ],
  gas: ['sensor:gas', 'hotline:gas_supply', 'incident:fire_hazard'],
  electrical: ['sensor:electrical', 'hotline:power_supply', 'incident:fire_hazard'],
  dogs: ['detection:dog_unleashed', 'detection:stray_dog', 'hotline:dog_keeping', 'hotline:stray_animals'],
  water: ['hotline:waterlogging', 'hotline:drainage', 'hotline:water_supply'],
  environment: [
    'incident:environment', 'hotline:garbage_collection', 'hotline:city_appearance', 'hotline:cooking_fumes',
    'hotline:dust_pollution', 'hotline:water_pollution',
  ],
  facilities: [
    'incident:facility_damage', 'hotline:road_damage', 'hotline:manhole_cover', 'hotline:streetlight',
    'hotline:fallen_tree', 'hotline:traffic_signal',
  ],
  order: ['incident:public_order', 'incident:dispute', 'hotline:noise'],
}

export type Compatibility = (a: CategoryKey, b: CategoryKey) => boolean

/** Compatibility from a family table: equal keys, or keys that share a family. */
export function compatibilityOf(families: Readonly<Record<string, readonly CategoryKey[]>>): Compatibility {
  const familiesOf = new Map<string, Set<string>>()
  for (const [family, keys] of Object.entries(families)) {
    for (const k of keys) {
      const set = familiesOf.get(k) ?? new Set<string>()
      set.add(family)
      familiesOf.set(k, set)
    }
  }
  return (a, b) => {
    if (a === b) return true
    const fa = familiesOf.get(a)
    const fb = familiesOf.get(b)
    if (!fa || !fb) return false
    for (const f of fa) if (fb.has(f)) return true
    return false
  }
}

export const defaultCompatibility = compatibilityOf(CORRELATION_FAMILIES)

/** What the index keeps of an open case: enough to decide whether an event joins it. */
export interface OpenCaseRef {
  id: string
  /** The opening event's key: later events are compared with it. */
  key: CategoryKey
  location: LngLat
  microgrid: string | null
  buildingId: string | null
  /** `occurredAt` of its latest event, in ms. */
  lastEventMs: number
}

export interface CorrelationOptions {
  windowMs: number
  radiusM: number
  compatible?: Compatibility
}

/** The place and time of an event, as the index compares them. */
export interface EventPlace {
  key: CategoryKey
  location: LngLat
  microgrid: string | null
  buildingId: string | null
  atMs: number
}

export function eventPlace(e: StoredEvent): EventPlace {
  const building = e.attrs['buildingId']
  return {
    key: categoryKey(e.source, e.category),
    location: e.location,
    microgrid: e.path.microgrid,
    buildingId: typeof building === 'string' && building !== '' ? building : null,
    atMs: Date.parse(e.occurredAt),
  }
}

const M_PER_DEG = 111_320

function addTo<K>(map: Map<K, Set<string>>, key: K, id: string) {
  const set = map.get(key)
  if (set) set.add(id)
  else map.set(key, new Set([id]))
}
function removeFrom<K>(map: Map<K, Set<string>>, key: K, id: string) {
  const set = map.get(key)
  if (!set) return
  set.delete(id)
  if (set.size === 0) map.delete(key)
}

/**
 * The in-memory index of open cases. Every lookup key (building, micro-grid, grid cell) is paired with
 * the time bucket of the case's latest event (buckets one window wide): an event within the window
 * of a case is always in the same or an adjacent bucket, so a lookup reads three buckets and never
 * walks the cases that went quiet hours ago. Without it, a long unattended run (nobody closes cases)
 * made every lookup slower than the last.
 * @example
 * const index = new OpenCaseIndex({ windowMs: 15 * 60_000, radiusM: 150 })
 * index.add(ref)
 * index.find(eventPlace(event)) // the case the event joins, or undefined
 */
export class OpenCaseIndex {
  readonly #refs = new Map<string, OpenCaseRef>()
  readonly #byBuilding = new Map<string, Set<string>>()
  readonly #byMicrogrid = new Map<string, Set<string>>()
  readonly #byCell = new Map<string, Set<string>>()
  readonly #opts: Required<CorrelationOptions>

  constructor(opts: CorrelationOptions) {
    if (!(opts.radiusM > 0)) throw new Error(`radiusM must be positive, got ${opts.radiusM}`)
    if (!(opts.windowMs > 0)) throw new Error(`windowMs must be positive, got ${opts.windowMs}`)
    this.#opts = { compatible: defaultCompatibility, ...opts }
  }

  get size(): number {
    return this.#refs.size
  }

  get(id: string): OpenCaseRef | undefined {
    return this.#refs.get(id)
  }

  /** Cells of `radiusM` metres: a point within the radius is always in the 3×3 block around it. */
  #cell(p: LngLat, dx = 0, dy = 0): string {
    const size = this.#opts.radiusM
    const x = Math.floor((p.lng * M_PER_DEG * Math.cos((p.lat * Math.PI) / 180)) / size) + dx
    const y = Math.floor((p.lat * M_PER_DEG) / size) + dy
    return `${x}:${y}`
  }

  #bucket(ms: number): number {
    return Math.floor(ms / this.#opts.windowMs)
  }

  #file(ref: OpenCaseRef, file: typeof addTo): void {
    const b = this.#bucket(ref.lastEventMs)
    if (ref.buildingId) file(this.#byBuilding, `${ref.buildingId}|${b}`, ref.id)
    if (ref.microgrid) file(this.#byMicrogrid, `${ref.microgrid}|${b}`, ref.id)
    file(this.#byCell, `${this.#cell(ref.location)}|${b}`, ref.id)
  }

  add(ref: OpenCaseRef): void {
    if (this.#refs.has(ref.id)) this.remove(ref.id)
    const own = { ...ref }
    this.#refs.set(ref.id, own)
    this.#file(own, addTo)
  }

  remove(id: string): void {
    const ref = this.#refs.get(id)
    if (!ref) return
    this.#refs.delete(id)
    this.#file(ref, removeFrom)
  }

  /** An event joined the case: its window now runs from this event. */
  touch(id: string, atMs: number): void {
    const ref = this.#refs.get(id)
    if (!ref || atMs <= ref.lastEventMs) return
    if (this.#bucket(atMs) === this.#bucket(ref.lastEventMs)) {
      ref.lastEventMs = atMs
      return
    }
    this.#file(ref, removeFrom)
    ref.lastEventMs = atMs
    this.#file(ref, addTo)
  }

  /**
   * The open case the event joins: same building first, then the nearest, then the most recent;
   * undefined when none is close enough in place, time and kind.
   */
  find(e: EventPlace): OpenCaseRef | undefined {
    const candidates = new Set<string>()
    const add = (set: Set<string> | undefined) => {
      if (set) for (const id of set) candidates.add(id)
    }
    const at = this.#bucket(e.atMs)
    for (let b = at - 1; b <= at + 1; b++) {
      if (e.buildingId) add(this.#byBuilding.get(`${e.buildingId}|${b}`))
      if (e.microgrid) add(this.#byMicrogrid.get(`${e.microgrid}|${b}`))
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) add(this.#byCell.get(`${this.#cell(e.location, dx, dy)}|${b}`))
      }
    }
    let best: { ref: OpenCaseRef; building: boolean; metres: number } | undefined
    for (const id of candidates) {
      const ref = this.#refs.get(id)!
      if (Math.abs(e.atMs - ref.lastEventMs) > this.#opts.windowMs) continue
      if (!this.#opts.compatible(ref.key, e.key)) continue
      const building = e.buildingId !== null && ref.buildingId === e.buildingId
      const metres = distance([ref.location.lng, ref.location.lat], [e.location.lng, e.location.lat], { units: 'meters' })
      const samePlace = building || (e.microgrid !== null && ref.microgrid === e.microgrid) || metres <= this.#opts.radiusM
      if (!samePlace) continue
      const better = !best ||
        (building !== best.building ? building
          : metres !== best.metres ? metres < best.metres
          : ref.lastEventMs > best.ref.lastEventMs)
      if (better) best = { ref, building, metres }
    }
    return best?.ref
  }
}
