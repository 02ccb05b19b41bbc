/**
 * The demo camera registry (AI识别, DESIGN §2.2): about 1,200 cameras where a district actually has
 * them, generated from the seed and the sites. Pure, so the server (at boot) and the simulation (to
 * post real camera ids) regenerate the very same registry from the same hierarchy and seed.
 *
 * - **Parks**: two to four gates (`猛追湾公园东门`), half of them one camera inside (`…儿童游乐区`).
 * - **Schools**: the main gate, half a side gate. **Markets**: one or two entrances.
 * - **Compounds**: about half get a gate camera, new ones more often than old ones.
 * - **Streets**: the rest of `count`, at crossings and bus stops, shared by street in proportion to
 *   its communities, at least two per street.
 *
 * Ids are `CAM-<streetId>-<nnnn>`, numbered within the street in that order (sites in id order).
 */
import type { Feature, Polygon } from 'geojson'
import type { Camera, CameraSiteKind } from '../../domain/cameras.ts'
import type { Path } from '../../domain/event.ts'
import type { CompoundProps, DedicatedProps } from '../../domain/sites.ts'
import { createLocator, createRandom, randomPointInPolygon, type FullHierarchy, type Locator, type Random, type Sites } from '../../geo/index.ts'
import { allocateCounts } from '../../geo/allocate-counts.ts'
import { placeWord } from '../../geo/site-names.ts'
import { COMPASS, gatePoint, type CompassGate } from './gate-point.ts'

/** The demo district's camera count. */
export const DEFAULT_CAMERA_COUNT = 1200
const MIN_STREET_CAMERAS = 2
const GATES = Object.keys(COMPASS) as CompassGate[]
const PARK_SPOTS = ['中心草坪', '儿童游乐区', '湖边步道', '健身广场', '林荫步道', '游客服务中心']
const STREET_SPOTS = ['公交站', '人行横道', '地铁站出入口', '商业街口']

export interface GenerateCamerasOptions {
  seed: string
  /** Total cameras wanted; site cameras come first, street cameras fill the rest. */
  count?: number
  /** A locator built over the hierarchy (the server has one); built here when absent. */
  locator?: Locator
}

interface Draft {
  streetId: string
  name: string
  siteKind: CameraSiteKind
  siteId?: string
  at: [number, number]
}

/**
 * @example
 * const cameras = generateCameras(hierarchy, sites, { seed: 'chenghua-510108' })
 * cameras.length // 1200
 * cameras[0] // { id: 'CAM-510108001-0001', name: '猛追湾公园东门', siteKind: 'park', … }
 */
export function generateCameras(h: FullHierarchy, sites: Sites, options: GenerateCamerasOptions): Camera[] {
  if (typeof options?.seed !== 'string' || options.seed === '') throw new TypeError('seed must be a non-empty string')
  const count = options.count ?? DEFAULT_CAMERA_COUNT
  if (!Number.isSafeInteger(count) || count < 0) throw new TypeError('count must be an integer >= 0')
  const rng = createRandom(options.seed).fork('cameras')
  const drafts: Draft[] = []

  for (const site of sites.dedicated) drafts.push(...dedicatedCameras(site, rng.fork(site.properties.id)))
  for (const site of sites.compounds) drafts.push(...compoundCameras(site, rng.fork(site.properties.id)))

  const streetIds = h.streets.map((s) => s.properties.id)
  const communities = new Map(streetIds.map((id) => [id, h.communities.filter((c) => c.properties.parentId === id)]))
  const remaining = Math.max(count - drafts.length, streetIds.length * MIN_STREET_CAMERAS)
  const shares = streetIds.length === 0 ? [] : allocateCounts(streetIds.map((id) => (communities.get(id)?.length ?? 0) + 1), remaining, MIN_STREET_CAMERAS)
  h.streets.forEach((street, i) => {
    const own = communities.get(street.properties.id) ?? []
    const streetRng = rng.fork(`street-${street.properties.id}`)
    for (let k = 0; k < (shares[i] as number); k++) {
      const area = own.length > 0 ? streetRng.pick(own) : street
      const road = roadOf(placeWord(area.properties.name))
      const other = own.length > 1 ? roadOf(placeWord(streetRng.pick(own).properties.name)) : road
      const name = other !== road && streetRng.next() < 0.6 ? `${road}与${other}交叉口` : `${road}${streetRng.pick(STREET_SPOTS)}`
      drafts.push({ streetId: street.properties.id, name, siteKind: 'street', at: round(randomPointInPolygon(streetRng, area)) })
    }
  })

  const locator = options.locator ?? createLocator(h)
  const serial = new Map<string, number>()
  const taken = new Map<string, number>()
  const byStreet = new Map(streetIds.map((id, i) => [id, i]))
  // Street order, then the order drafted in: ids then follow the sites' own id order within a street.
  const ordered = drafts.map((d, i) => ({ d, i })).sort((a, b) => (byStreet.get(a.d.streetId) ?? Infinity) - (byStreet.get(b.d.streetId) ?? Infinity) || a.i - b.i)
  return ordered.map(({ d }) => {
    const n = (serial.get(d.streetId) ?? 0) + 1
    serial.set(d.streetId, n)
    if (n > 9999) throw new RangeError(`street ${d.streetId} would get more than 9,999 cameras`)
    const seen = (taken.get(d.name) ?? 0) + 1
    taken.set(d.name, seen)
    const path: Path = locator.locate(d.at[0], d.at[1]).path
    const camera: Camera = {
      id: `CAM-${d.streetId}-${String(n).padStart(4, '0')}`,
      // Two cameras on one gate or crossing are told apart as an operator would: 2号机位.
      name: seen === 1 ? d.name : `${d.name}${seen}号机位`,
      location: { lng: d.at[0], lat: d.at[1] },
      siteKind: d.siteKind,
      path,
    }
    if (d.siteId !== undefined) camera.siteId = d.siteId
    return camera
  })
}

function dedicatedCameras(site: Feature<Polygon, DedicatedProps>, rng: Random): Draft[] {
  const { id, name, kind, streetId } = site.properties
  const ring = site.geometry.coordinates[0] ?? []
  const gate = (g: CompassGate, label: string, siteKind: CameraSiteKind): Draft => ({ streetId, name: `${name}${label}`, siteKind, siteId: id, at: gatePoint(ring, g) })
  const gates = shuffled(rng, GATES)
  switch (kind) {
    case 'park': {
      const out = gates.slice(0, rng.int(2, 4)).sort(compassOrder).map((g) => gate(g, `${g}门`, 'park'))
      if (rng.next() < 0.5) out.push({ streetId, name: `${name}${rng.pick(PARK_SPOTS)}`, siteKind: 'park', siteId: id, at: round(randomPointInPolygon(rng, site)) })
      return out
    }
    case 'school': {
      const out = [gate(gates[0] as CompassGate, `${gates[0]}门`, 'school')]
      if (rng.next() < 0.5) out.push(gate(gates[1] as CompassGate, `${gates[1]}侧门`, 'school'))
      return out
    }
    case 'market':
      return gates.slice(0, rng.next() < 0.5 ? 2 : 1).sort(compassOrder).map((g) => gate(g, `${g}入口`, 'market'))
    default:
      // Hospitals and construction sites run their own CCTV; the city's AI cameras are not there.
      return []
  }
}

function compoundCameras(site: Feature<Polygon, CompoundProps>, rng: Random): Draft[] {
  const { id, name, streetId, old } = site.properties
  if (rng.next() >= (old ? 0.35 : 0.6)) return []
  const g = rng.pick(GATES)
  return [{ streetId, name: `${name}${rng.next() < 0.3 ? '大门' : `${g}门`}`, siteKind: 'compound_gate', siteId: id, at: gatePoint(site.geometry.coordinates[0] ?? [], g) }]
}

function shuffled<T>(rng: Random, items: readonly T[]): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

const compassOrder = (a: CompassGate, b: CompassGate) => GATES.indexOf(a) - GATES.indexOf(b)
const roadOf = (place: string) => (/[路街巷道]$/.test(place) ? place : `${place}路`)
const round = ([lng, lat]: [number, number]): [number, number] => [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]
