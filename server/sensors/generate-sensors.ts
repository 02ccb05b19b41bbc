/**
 * The demo sensor registry, generated from the seed inside the district's sites: smoke detectors
 * concentrated in old compounds' buildings (老旧小区, weighted to those with more elderly residents),
 * gas and electrical-fire sensors in buildings and markets, canteens and hospitals, and a few heat
 * sensors in kitchens and boiler rooms. Pure, so the simulation can regenerate the same ids.
 */
import type { Feature, Polygon } from 'geojson'
import type { Path } from '../../domain/event.ts'
import type { DedicatedKind } from '../../domain/sites.ts'
import type { SensorEntry, SensorType } from '../../domain/sensors.ts'
import { createRandom, randomPointInPolygon, type Locator, type Random, type Sites } from '../../geo/index.ts'

export interface SensorCounts {
  smoke: number
  heat: number
  gas: number
  electrical: number
}

export const DEMO_SENSOR_COUNTS: Readonly<SensorCounts> = Object.freeze({ smoke: 20_000, heat: 120, gas: 3_000, electrical: 2_500 })

/**
 * Ids are `SEN-` + the street's id + a five-digit number within the street, numbered site by site, so a
 * building's sensors are neighbours in the list. The type is not in the id: it can be corrected later.
 */
export const SENSOR_ID_PREFIX = 'SEN'
const TYPE_ORDER: Record<SensorType, number> = { smoke: 0, gas: 1, electrical: 2, heat: 3 }

const TYPE_ZH: Record<SensorType, string> = { smoke: '烟感', heat: '温感', gas: '燃气探测器', electrical: '电气火灾探测器' }

interface Plan {
  /** Share of the type's total that goes to buildings (the rest to dedicated grids). */
  buildingShare: number
  /** Weight of one building: `floors` times this, old or new compound. */
  old: number
  new: number
  /** Extra weight per unit of the compound's elderly share (old compounds only). */
  elderly: number
  dedicated: Partial<Record<DedicatedKind, number>>
}

const PLANS: Record<SensorType, Plan> = {
  // 老旧小区 and their elderly residents first: the fitting programmes target them.
  smoke: { buildingShare: 0.95, old: 1, new: 0.08, elderly: 3, dedicated: { school: 6, hospital: 10, market: 8, park: 1 } },
  gas: { buildingShare: 0.8, old: 1, new: 0.3, elderly: 0, dedicated: { market: 5, school: 1.5, hospital: 1 } },
  electrical: { buildingShare: 0.7, old: 1, new: 0, elderly: 0, dedicated: { market: 4, hospital: 3, school: 2, construction: 2 } },
  heat: { buildingShare: 0, old: 0, new: 0, elderly: 0, dedicated: { hospital: 2, market: 3, school: 1, construction: 1 } },
}

const DEDICATED_PLACES: Record<SensorType, Partial<Record<DedicatedKind, readonly string[]>>> = {
  smoke: { school: ['教学楼', '宿舍楼', '食堂', '图书馆'], hospital: ['门诊楼', '住院楼', '药房', '配电房'], market: ['东区摊位', '西区摊位', '库房'], park: ['管理用房'] },
  gas: { school: ['食堂厨房'], hospital: ['营养食堂'], market: ['餐饮区', '熟食区'] },
  electrical: { school: ['配电房'], hospital: ['配电房', '设备间'], market: ['配电房', '摊位配电箱'], construction: ['临时配电箱'] },
  heat: { school: ['食堂厨房'], hospital: ['锅炉房', '营养食堂'], market: ['餐饮区后厨'], construction: ['工棚'] },
}

export interface GenerateSensorsOptions {
  seed: string
  counts?: Partial<SensorCounts>
  /** A locator over the same hierarchy as the sites; sensors get the path of their own point. */
  locator: Locator
}

interface Target {
  feature: Feature<Polygon>
  buildingId?: string
  siteId: string
  place: (rng: Random) => string
  siteName: string
}

/**
 * Generates the registry, sorted by id. Same sites, seed and counts: the same entries.
 *
 * @example
 * const sensors = generateSensors(sites, { seed: 'chenghua-510108', locator })
 * sensors.filter((s) => s.type === 'smoke').length // 20000
 * sensors[0] // { id: 'SEN-510108001-00001', type: 'smoke', name: '新华路小区 4栋 2单元3层楼道烟感', buildingId: '…', … }
 */
export function generateSensors(sites: Sites, options: GenerateSensorsOptions): SensorEntry[] {
  const counts: SensorCounts = { ...DEMO_SENSOR_COUNTS, ...options.counts }
  for (const key of Object.keys(counts) as SensorType[]) {
    if (!Number.isSafeInteger(counts[key]) || counts[key] < 0) throw new TypeError(`counts.${key} must be an integer >= 0`)
  }
  const rng = createRandom(options.seed).fork('sensors')
  const compounds = new Map(sites.compounds.map((c) => [c.properties.id, c.properties]))
  const out: Omit<SensorEntry, 'id'>[] = []

  for (const type of ['smoke', 'heat', 'gas', 'electrical'] as const) {
    const plan = PLANS[type]
    const typeRng = rng.fork(type)
    const buildingTargets: Target[] = []
    const buildingWeights: number[] = []
    if (plan.buildingShare > 0) {
      for (const b of sites.buildings) {
        const c = compounds.get(b.properties.compoundId)
        if (!c) continue
        const w = b.properties.floors * (c.old ? plan.old * (1 + plan.elderly * c.elderlyShare) : plan.new)
        buildingTargets.push({
          feature: b, buildingId: b.properties.id, siteId: c.id, siteName: `${c.name} ${b.properties.name}`,
          place: (r) => buildingPlace(type, r, b.properties.floors),
        })
        buildingWeights.push(w)
      }
    }
    const dedicatedTargets: Target[] = []
    const dedicatedWeights: number[] = []
    for (const d of sites.dedicated) {
      const w = plan.dedicated[d.properties.kind] ?? 0
      const places = DEDICATED_PLACES[type][d.properties.kind] ?? ['']
      dedicatedTargets.push({ feature: d, siteId: d.properties.id, siteName: d.properties.name, place: (r) => r.pick(places) })
      dedicatedWeights.push(w)
    }
    const total = counts[type]
    const hasBuildings = buildingWeights.some((w) => w > 0)
    const hasDedicated = dedicatedWeights.some((w) => w > 0)
    const inBuildings = !hasDedicated ? total : !hasBuildings ? 0 : Math.round(total * plan.buildingShare)
    const perBuilding = largestRemainder(buildingWeights, inBuildings)
    const perDedicated = largestRemainder(dedicatedWeights, total - inBuildings)
    const emit = (targets: Target[], per: number[]) => {
      targets.forEach((t, i) => {
        for (let k = 0; k < (per[i] as number); k++) out.push(makeEntry(type, t, typeRng, options.locator))
      })
    }
    emit(buildingTargets, perBuilding)
    emit(dedicatedTargets, perDedicated)
  }
  return numberSensors(out)
}

/** Ids in site, building and type order within each street; the result sorted by id. */
function numberSensors(entries: Omit<SensorEntry, 'id'>[]): SensorEntry[] {
  const key = (e: Omit<SensorEntry, 'id'>) => `${e.path.street ?? ''}|${e.siteId ?? ''}|${e.buildingId ?? ''}|${TYPE_ORDER[e.type]}`
  const keys = entries.map(key)
  const order = entries.map((_, i) => i).sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : a - b))
  const numbers = new Map<string, number>()
  return order.map((i) => {
    const e = entries[i] as Omit<SensorEntry, 'id'>
    const street = e.path.street ?? '000000000'
    const n = (numbers.get(street) ?? 0) + 1
    numbers.set(street, n)
    return { id: sensorId(street, n), ...e }
  })
}

/** `SEN-510108001-00042`. */
export function sensorId(street: string, n: number): string {
  return `${SENSOR_ID_PREFIX}-${street}-${String(n).padStart(5, '0')}`
}

function makeEntry(type: SensorType, t: Target, rng: Random, locator: Locator): Omit<SensorEntry, 'id'> {
  const [x, y] = randomPointInPolygon(rng, t.feature)
  const location = { lng: Math.round(x * 1e7) / 1e7, lat: Math.round(y * 1e7) / 1e7 }
  const path: Path = locator.locate(location.lng, location.lat).path
  // Fitted over the last seven years, as the programmes rolled out.
  const installedMs = Date.UTC(2018, 0, 1) + rng.int(0, 7 * 365) * 86_400_000 + 2 * 3_600_000
  return {
    type,
    name: `${t.siteName} ${t.place(rng)}${TYPE_ZH[type]}`,
    location,
    path,
    ...(t.buildingId ? { buildingId: t.buildingId } : {}),
    siteId: t.siteId,
    installedAt: new Date(installedMs).toISOString(),
  }
}

function buildingPlace(type: SensorType, rng: Random, floors: number): string {
  const unit = rng.int(1, 3)
  const floor = rng.int(1, Math.max(1, floors))
  if (type === 'gas') return `${unit}单元${floor}层住户厨房`
  if (type === 'electrical') return rng.next() < 0.5 ? `${unit}单元配电箱` : `${unit}单元电表间`
  return `${unit}单元${floor}层楼道`
}

/**
 * Integer shares of `total` proportional to `weights` (zero weights get zero), summing to `total`:
 * floors first, then one more to the largest remainders, ties to the lower index. O(n log n).
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (total === 0 || sum <= 0) return weights.map(() => 0)
  const ideal = weights.map((w) => (total * w) / sum)
  const counts = ideal.map(Math.floor)
  const short = total - counts.reduce((a, b) => a + b, 0)
  const order = ideal.map((x, i) => i).filter((i) => (weights[i] as number) > 0)
  order.sort((a, b) => ((ideal[b] as number) - (counts[b] as number)) - ((ideal[a] as number) - (counts[a] as number)) || a - b)
  for (let k = 0; k < short; k++) {
    const i = order[k % order.length] as number
    counts[i] = (counts[i] as number) + 1
  }
  return counts
}
