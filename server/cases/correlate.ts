/**
 * Correlation: an event joins an open case about the same real incident. Same place (the same
 * building, the same micro-grid, or within `radiusM` metres), close in time (within `windowMs` of the
 * case's latest event, so a burst of calls keeps its case) and compatible categories (the family
 * table below). A smoke alarm plus five calls from the block within 15 minutes is one case.
 *
 * The index keeps every open case in hash maps (building, micro-grid, and a square grid of `radiusM`
 * cells, per time bucket and case kind), so a lookup reads a handful of entries whatever the number
 * of open cases.
 */
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

/**
 * Metres between two points on a local flat projection at the event's latitude. Correlation compares
 * points a few hundred metres apart, where this differs from the great-circle distance by well under
 * a metre, and it runs for every candidate of every event: a haversine (Turf's `distance`, with its
 * argument checks) was a tenth of the case engine's time.
 */
function localMetres(a: LngLat, b: LngLat, metresPerLngDeg: number): number {
  const dx = (a.lng - b.lng) * metresPerLngDeg
  const dy = (a.lat - b.lat) * M_PER_DEG
  return Math.sqrt(dx * dx + dy * dy)
}

/**
 * Open cases filed under one place, grouped by the case's key (as a small number, see `#keyNo`):
 * compatibility is decided once per key, not per case. The index's own refs are filed, not their ids,
 * so weighing a candidate reads it without another lookup.
 */
type ByKey = Map<number, Set<OpenCaseRef>>

/** One time bucket (one window wide) of the index: its cases by building, micro-grid and grid cell. */
interface Bucket {
  building: Map<string, ByKey>
  microgrid: Map<string, ByKey>
  cell: Map<number, ByKey>
  /** Filings in this bucket, so an empty one is dropped. */
  size: number
}

function fileIn<K>(map: Map<K, ByKey>, place: K, key: number, ref: OpenCaseRef): void {
  let byKey = map.get(place)
  if (!byKey) map.set(place, (byKey = new Map()))
  const refs = byKey.get(key)
  if (refs) refs.add(ref)
  else byKey.set(key, new Set([ref]))
}

function unfileFrom<K>(map: Map<K, ByKey>, place: K, key: number, ref: OpenCaseRef): void {
  const byKey = map.get(place)
  const refs = byKey?.get(key)
  if (!byKey || !refs) return
  refs.delete(ref)
  if (refs.size > 0) return
  byKey.delete(key)
  if (byKey.size === 0) map.delete(place)
}

/** One lookup's event, the kinds it may join, and the best case so far. */
interface Search {
  e: EventPlace
  keys: { list: number[]; set: Set<number> }
  best: OpenCaseRef | undefined
  building: boolean
  metres: number
  /** Metres per degree of longitude at the event's latitude. */
  metresPerLngDeg: number
}

/** Case ids (`C-0000042`) in opening order: the shorter number first, then by text. */
const openedBefore = (a: string, b: string) => (a.length !== b.length ? a.length < b.length : a < b)

/**
 * The in-memory index of open cases. Cases are filed by the time bucket of their latest event
 * (buckets one window wide): an event within the window of a case is always in the same or an
 * adjacent bucket, so a lookup reads three buckets and never walks the cases that went quiet hours
 * ago. Within a bucket they are filed by building, micro-grid and grid cell, and under each place by
 * the case's key, so a lookup walks only the cases of compatible kinds: a busy micro-grid (a park
 * with its dog cameras, a market) can hold hundreds of open cases of other kinds that an event there
 * must not be compared with one by one.
 * @example
 * const index = new OpenCaseIndex({ windowMs: 15 * 60_000, radiusM: 150 })
 * index.add(ref)
 * index.find(eventPlace(event)) // the case the event joins, or undefined
 */
export class OpenCaseIndex {
  readonly #refs = new Map<string, OpenCaseRef>()
  readonly #buckets = new Map<number, Bucket>()
  /** Every key a case has been filed under, numbered; for an event's key, the numbers of those compatible with it (remembered until a new key is filed). */
  readonly #keyNos = new Map<CategoryKey, number>()
  readonly #compatibleKeys = new Map<CategoryKey, { list: number[]; set: Set<number> }>()
  readonly #opts: Required<CorrelationOptions>
  /** Metres per degree of longitude on the index's projection (see `#xM`). */
  #lngScale: number | undefined
  /**
   * How far on the projection a lookup reaches: the radius and a hundredth, which keeps every point
   * within the radius inside it for points a degree or so of latitude from the one that set the scale.
   */
  readonly #reach: number

  constructor(opts: CorrelationOptions) {
    if (!(opts.radiusM > 0)) throw new Error(`radiusM must be positive, got ${opts.radiusM}`)
    if (!(opts.windowMs > 0)) throw new Error(`windowMs must be positive, got ${opts.windowMs}`)
    this.#opts = { compatible: defaultCompatibility, ...opts }
    this.#reach = opts.radiusM * 1.01
  }

  get size(): number {
    return this.#refs.size
  }

  get(id: string): OpenCaseRef | undefined {
    return this.#refs.get(id)
  }

  /**
   * Metres east of the meridian on the index's own flat projection. One scale for every point (the
   * first point's latitude): with each point's own, two points 150 m apart north and south at 104°E
   * came out some 140 m apart east and west, and a lookup missed cases well within the radius.
   */
  #xM(p: LngLat): number {
    this.#lngScale ??= M_PER_DEG * Math.cos((p.lat * Math.PI) / 180)
    return p.lng * this.#lngScale
  }

  /**
   * The cell (`2 × reach` square) a point at `x`, `y` metres is in, as one small integer: 15 bits a
   * side, wrapping every ~10,000 km, so two cells that share a number are never in one city (and a
   * case found through a shared number is still measured before it joins).
   */
  #cell(x: number, y: number): number {
    const size = 2 * this.#reach
    return (Math.floor(x / size) & 0x7fff) * 0x8000 + (Math.floor(y / size) & 0x7fff)
  }

  #cellOf(p: LngLat): number {
    return this.#cell(this.#xM(p), p.lat * M_PER_DEG)
  }

  #bucket(ms: number): number {
    return Math.floor(ms / this.#opts.windowMs)
  }

  #keyNo(key: CategoryKey): number {
    let no = this.#keyNos.get(key)
    if (no === undefined) {
      this.#keyNos.set(key, (no = this.#keyNos.size))
      this.#compatibleKeys.clear()
    }
    return no
  }

  /** The case keys an event of this key may join: a few, out of the few dozen in use. */
  #keysFor(eventKey: CategoryKey): { list: number[]; set: Set<number> } {
    let keys = this.#compatibleKeys.get(eventKey)
    if (!keys) {
      const list = [...this.#keyNos].filter(([k]) => this.#opts.compatible(k, eventKey)).map(([, no]) => no)
      this.#compatibleKeys.set(eventKey, (keys = { list, set: new Set(list) }))
    }
    return keys
  }

  #file(ref: OpenCaseRef): void {
    const b = this.#bucket(ref.lastEventMs)
    let bucket = this.#buckets.get(b)
    if (!bucket) this.#buckets.set(b, (bucket = { building: new Map(), microgrid: new Map(), cell: new Map(), size: 0 }))
    bucket.size++
    const key = this.#keyNo(ref.key)
    if (ref.buildingId) fileIn(bucket.building, ref.buildingId, key, ref)
    if (ref.microgrid) fileIn(bucket.microgrid, ref.microgrid, key, ref)
    fileIn(bucket.cell, this.#cellOf(ref.location), key, ref)
  }

  #unfile(ref: OpenCaseRef): void {
    const b = this.#bucket(ref.lastEventMs)
    const bucket = this.#buckets.get(b)
    if (!bucket) return
    const key = this.#keyNo(ref.key)
    if (ref.buildingId) unfileFrom(bucket.building, ref.buildingId, key, ref)
    if (ref.microgrid) unfileFrom(bucket.microgrid, ref.microgrid, key, ref)
    unfileFrom(bucket.cell, this.#cellOf(ref.location), key, ref)
    if (--bucket.size === 0) this.#buckets.delete(b)
  }

  add(ref: OpenCaseRef): void {
    if (this.#refs.has(ref.id)) this.remove(ref.id)
    const own = { ...ref }
    this.#refs.set(ref.id, own)
    this.#file(own)
  }

  remove(id: string): void {
    const ref = this.#refs.get(id)
    if (!ref) return
    this.#refs.delete(id)
    this.#unfile(ref)
  }

  /** An event joined the case: its window now runs from this event. */
  touch(id: string, atMs: number): void {
    const ref = this.#refs.get(id)
    if (!ref || atMs <= ref.lastEventMs) return
    if (this.#bucket(atMs) === this.#bucket(ref.lastEventMs)) {
      ref.lastEventMs = atMs
      return
    }
    this.#unfile(ref)
    ref.lastEventMs = atMs
    this.#file(ref)
  }

  /**
   * The open case the event joins: same building first, then the nearest, then the most recent, then
   * the earliest opened; undefined when none is close enough in place, time and kind.
   */
  find(e: EventPlace): OpenCaseRef | undefined {
    const keys = this.#keysFor(e.key)
    if (keys.list.length === 0) return undefined
    const s: Search = { e, keys, best: undefined, building: false, metres: 0, metresPerLngDeg: M_PER_DEG * Math.cos((e.location.lat * Math.PI) / 180) }
    const at = this.#bucket(e.atMs)
    // Anything within reach is in one of the (at most) four cells that the square one cell wide around
    // the event touches.
    const r = this.#reach
    const x = this.#xM(e.location)
    const y = e.location.lat * M_PER_DEG
    const west = this.#cell(x - r, y - r)
    const east = this.#cell(x + r, y - r)
    const north = this.#cell(x - r, y + r)
    const northEast = this.#cell(x + r, y + r)
    for (let b = at - 1; b <= at + 1; b++) {
      const bucket = this.#buckets.get(b)
      if (!bucket) continue
      if (e.buildingId) this.#weigh(s, bucket.building.get(e.buildingId))
      if (e.microgrid) this.#weigh(s, bucket.microgrid.get(e.microgrid))
      // The same cell more than once when the square fits in one column or row.
      this.#weigh(s, bucket.cell.get(west))
      if (east !== west) this.#weigh(s, bucket.cell.get(east))
      if (north !== west) {
        this.#weigh(s, bucket.cell.get(north))
        if (northEast !== north) this.#weigh(s, bucket.cell.get(northEast))
      }
    }
    return s.best
  }

  /** The cases filed at one place, of kinds the event may join (a few keys, each looked up). */
  #weigh(s: Search, byKey: ByKey | undefined): void {
    if (!byKey) return
    const list = s.keys.list
    for (let i = 0; i < list.length; i++) {
      const refs = byKey.get(list[i]!)
      if (refs) this.#weighRefs(s, refs)
    }
  }

  /** A case filed under several of the places read is weighed more than once, to the same result. */
  #weighRefs(s: Search, refs: Set<OpenCaseRef>): void {
    const { e } = s
    const { windowMs, radiusM } = this.#opts
    for (const ref of refs) {
      if (Math.abs(e.atMs - ref.lastEventMs) > windowMs) continue
      const building = e.buildingId !== null && ref.buildingId === e.buildingId
      const metres = localMetres(ref.location, e.location, s.metresPerLngDeg)
      const samePlace = building || (e.microgrid !== null && ref.microgrid === e.microgrid) || metres <= radiusM
      if (!samePlace) continue
      const best = s.best
      const better = !best ||
        (building !== s.building ? building
          : metres !== s.metres ? metres < s.metres
          : ref.lastEventMs !== best.lastEventMs ? ref.lastEventMs > best.lastEventMs
          : openedBefore(ref.id, best.id))
      if (!better) continue
      s.best = ref
      s.building = building
      s.metres = metres
    }
  }

}
