/**
 * The district as the simulation sees it: the hierarchy, the sites and the sensor and camera
 * registries, regenerated from the seed exactly as the server generates them (or the server's own,
 * when the simulation runs in its process), and the scenario's focus picked from them.
 */
import type { Feature, Polygon, MultiPolygon } from 'geojson'
import type { Camera } from '../domain/cameras.ts'
import type { SensorEntry } from '../domain/sensors.ts'
import type { BuildingProps, CompoundProps, DedicatedProps } from '../domain/sites.ts'
import {
  createLocator, generateHierarchy, generateSites, randomPointInPolygon,
  type DistrictHierarchy, type FullHierarchy, type Random, type Sites,
} from '../geo/index.ts'
import { camerasForDistrict } from '../server/cameras/cameras-for-district.ts'
import { sensorsForDistrict } from '../server/sensors/sensors-for-district.ts'
import type { Focus, Place } from './scenario.ts'

type Area = Feature<Polygon | MultiPolygon, { id: string; name: string }>

export interface SimWorld {
  seed: string
  district: DistrictHierarchy
  full(): FullHierarchy
  sites(): Sites
  sensors(): readonly SensorEntry[]
  cameras(): readonly Camera[]
}

function isFull(h: DistrictHierarchy): h is FullHierarchy {
  return Array.isArray((h as Partial<FullHierarchy>).grids)
}

/**
 * @example
 * const world = createSimWorld({ district: generateDistrict({ seed }), seed }) // everything built on first use
 * const world2 = createSimWorld({ district: app.district, seed, sites: app.sites }) // the server's own
 */
export function createSimWorld(opts: { district: DistrictHierarchy; seed: string; sites?: Sites }): SimWorld {
  let full: FullHierarchy | undefined
  let sites = opts.sites
  const world: SimWorld = {
    seed: opts.seed,
    district: opts.district,
    full: () => (full ??= isFull(opts.district) ? opts.district : generateHierarchy(opts.district)),
    sites: () => (sites ??= generateSites(world.full(), { seed: opts.seed, locator: createLocator(world.full()) })),
    // The registries take the district as given: in the server's process they are the server's own lists.
    sensors: () => sensorsForDistrict(opts.district, opts.seed),
    cameras: () => camerasForDistrict(opts.district, opts.seed),
  }
  return world
}

/** The places a scenario happens at, resolved from its `focus`. */
export interface ResolvedFocus {
  street: { id: string; name: string; feature: Area }
  building?: Feature<Polygon, BuildingProps>
  /** The building's sensors, by type, lowest floor first. */
  buildingSensors?: Record<string, SensorEntry[]>
  compounds: Feature<Polygon, CompoundProps>[]
  grids: Area[]
  park?: Feature<Polygon, DedicatedProps>
  parkCameras: Camera[]
}

/** The floor in a registry sensor's name (`… 2单元6层楼道烟感` → 6); 0 when it names none. */
export const floorOf = (s: SensorEntry): number => Number(/(\d+)层/.exec(s.name)?.[1] ?? 0)

function streetOf(world: SimWorld, id: string): ResolvedFocus['street'] {
  const f = world.full().streets.find((s) => s.properties.id === id)
  if (!f) throw new Error(`street ${id} is not in the district`)
  return { id, name: f.properties.name, feature: f as Area }
}

/**
 * @example
 * resolveFocus(world, { kind: 'building' }, rng).building?.properties.id // '510108003004002R02005'
 */
export function resolveFocus(world: SimWorld, focus: Focus | undefined, rng: Random): ResolvedFocus {
  const full = world.full()
  switch (focus?.kind) {
    case undefined: {
      const street = rng.pick(full.streets)
      return { street: streetOf(world, street.properties.id), compounds: [], grids: [], parkCameras: [] }
    }
    case 'building': {
      // Old compounds' buildings whose registry has smoke detectors on two floors and an electrical one.
      const byBuilding = new Map<string, SensorEntry[]>()
      for (const s of world.sensors()) if (s.buildingId) byBuilding.set(s.buildingId, [...(byBuilding.get(s.buildingId) ?? []), s])
      const compounds = new Map(world.sites().compounds.map((c) => [c.properties.id, c]))
      const candidates = world.sites().buildings.filter((b) => {
        const list = byBuilding.get(b.properties.id) ?? []
        const smokeFloors = new Set(list.filter((s) => s.type === 'smoke').map(floorOf))
        return compounds.get(b.properties.compoundId)?.properties.old === true && smokeFloors.size >= 2 && list.some((s) => s.type === 'electrical')
      })
      if (candidates.length === 0) throw new Error('no old-compound building has smoke detectors on two floors and an electrical one')
      const tallest = Math.max(...candidates.map((b) => b.properties.floors))
      const building = rng.pick(candidates.filter((b) => b.properties.floors === tallest))
      const compound = compounds.get(building.properties.compoundId)!
      const buildingSensors: Record<string, SensorEntry[]> = {}
      for (const s of byBuilding.get(building.properties.id) ?? []) (buildingSensors[s.type] ??= []).push(s)
      for (const list of Object.values(buildingSensors)) list.sort((a, b) => floorOf(a) - floorOf(b) || (a.id < b.id ? -1 : 1))
      return { street: streetOf(world, compound.properties.streetId), building, buildingSensors, compounds: [compound], grids: [], parkCameras: [] }
    }
    case 'lowlying': {
      const street = rng.pick(full.streets)
      const own = full.grids.filter((g) => g.properties.parentId?.startsWith(street.properties.id))
      const grids: Area[] = []
      const pool = [...own]
      while (grids.length < focus.grids && pool.length > 0) grids.push(pool.splice(rng.int(0, pool.length - 1), 1)[0] as Area)
      return { street: streetOf(world, street.properties.id), compounds: [], grids, parkCameras: [] }
    }
    case 'compounds': {
      const byCommunity = new Map<string, Feature<Polygon, CompoundProps>[]>()
      for (const c of world.sites().compounds) byCommunity.set(c.properties.communityId, [...(byCommunity.get(c.properties.communityId) ?? []), c])
      const communities = [...byCommunity.keys()].filter((k) => (byCommunity.get(k)?.length ?? 0) >= focus.count).sort()
      if (communities.length === 0) throw new Error(`no community has ${focus.count} compounds`)
      const chosen = byCommunity.get(rng.pick(communities))!
      const compounds = [...chosen].sort((a, b) => b.properties.households - a.properties.households || (a.properties.id < b.properties.id ? -1 : 1)).slice(0, focus.count)
      return { street: streetOf(world, compounds[0]!.properties.streetId), compounds, grids: [], parkCameras: [] }
    }
    case 'park': {
      const cameras = world.cameras().filter((c) => c.siteKind === 'park' && c.siteId)
      const parks = world.sites().dedicated.filter((d) => d.properties.kind === 'park' && cameras.some((c) => c.siteId === d.properties.id))
      if (parks.length === 0) throw new Error('no park has a camera')
      const park = rng.pick(parks)
      const around = world.sites().compounds.filter((c) => c.properties.communityId === park.properties.communityId)
      const compounds = around.length > 0 ? around : world.sites().compounds.filter((c) => c.properties.streetId === park.properties.streetId)
      return { street: streetOf(world, park.properties.streetId), compounds, grids: [], park, parkCameras: cameras.filter((c) => c.siteId === park.properties.id) }
    }
  }
}

/** A point for an event at `place`, and the name a caller would give it. */
export function pointAt(f: ResolvedFocus, place: Place, rng: Random): { lng: number; lat: number; name: string } {
  const at = (feature: Feature<Polygon | MultiPolygon>, name: string) => {
    const [lng, lat] = randomPointInPolygon(rng, feature as Feature<Polygon>)
    return { lng: Math.round(lng! * 1e7) / 1e7, lat: Math.round(lat! * 1e7) / 1e7, name }
  }
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error(`place '${place}' does not fit this scenario's focus`)
    return v
  }
  switch (place) {
    case 'building': {
      const b = need(f.building)
      return at(b, `${f.compounds[0]?.properties.name ?? ''}${b.properties.name}`)
    }
    case 'compound':
    case 'around-park': {
      const c = rng.pick(need(f.compounds.length > 0 ? f.compounds : undefined))
      return at(c, c.properties.name)
    }
    case 'grids': {
      const g = rng.pick(need(f.grids.length > 0 ? f.grids : undefined))
      return at(g, g.properties.name)
    }
    case 'park': {
      const p = need(f.park)
      return at(p, p.properties.name)
    }
    case 'street':
      return at(f.street.feature, f.street.name)
  }
}
