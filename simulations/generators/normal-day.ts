/**
 * The `normal-day` mix: what a district's sources produce on an ordinary day, placed inside real
 * streets. Some streets are persistently busier than others, so the map has structure.
 */
import type { IngestItem, Severity } from '../../domain/event.ts'
import { TAXONOMY } from '../../domain/taxonomy.ts'
import { createRandom, randomPointInPolygon, type DistrictHierarchy, type Random } from '../../geo/index.ts'
import { TITLES } from './titles.ts'
import { createDetectionPicker, type DetectionShot } from '../../server/cameras/demo-detections.ts'
import { createSensorPicker } from '../../server/sensors/sensor-picker.ts'

type Source = keyof typeof TAXONOMY

const SOURCE_MIX: { value: Source; weight: number }[] = [
  { value: 'hotline', weight: 45 },
  { value: 'incident', weight: 25 },
  { value: 'detection', weight: 20 },
  { value: 'sensor', weight: 10 },
]

/** Hotline weights: property, urban management, noise and utilities dominate a real 12345 log. */
const HOTLINE_WEIGHT: Record<string, number> = {
  property_management: 14, city_appearance: 10, noise: 10, illegal_construction: 6, water_supply: 6,
  power_supply: 5, gas_supply: 3, heating: 2, road_damage: 5, waterlogging: 2, fallen_tree: 1,
  market_supervision: 5, wage_arrears: 3, dog_keeping: 4,
}

export interface NormalDay {
  /** The next event, occurring at `at`. */
  next(at: Date): IngestItem
}

function severityFor(rng: Random, source: Source, state?: string): Severity | undefined {
  if (source === 'sensor') return state === 'fault' ? 'minor' : rng.next() < 0.15 ? 'extreme' : 'severe'
  const r = rng.next()
  return r < 0.02 ? 'severe' : r < 0.12 ? 'moderate' : undefined
}

export function createNormalDay(opts: { seed: string; district: DistrictHierarchy; runId?: string }): NormalDay {
  const rng = createRandom(opts.seed).fork('normal-day')
  const run = opts.runId ?? 'sim'
  const streets = opts.district.streets
  // A fixed "busyness" per street from the seed, so hotspots persist across runs with the same seed.
  const streetMix = streets.map((s, i) => ({ value: s, weight: 0.4 + rng.fork(`street-${i}`).next() * 1.6 }))
  let n = 0
  // Real registry cameras (the server refuses unknown ones), with a few trouble spots that form hotspots.
  const detections = createDetectionPicker(opts.district, opts.seed)
  const sensors = createSensorPicker(opts.district, opts.seed)

  return {
    next(at) {
      n++
      const source = rng.weighted(SOURCE_MIX)
      const street = rng.weighted(streetMix)
      const [lng, lat] = randomPointInPolygon(rng, street)
      const defs = TAXONOMY[source]
      let category =
        source === 'hotline'
          ? rng.weighted(defs.map((d) => ({ value: d.code as string, weight: HOTLINE_WEIGHT[d.code] ?? 1 })))
          : rng.pick(defs.map((d) => d.code as string))
      const streetNo = street.properties.id.slice(-3)
      let attrs: Record<string, unknown> | undefined
      let shot: DetectionShot | undefined
      if (source === 'sensor') {
        const state = rng.next() < 0.3 ? 'fault' : 'alarm'
        // A registered sensor of the street (the server refuses unknown ones); its type is the category.
        const sensor = sensors.pick(rng, street.properties.id)
        category = sensor.type
        attrs = { sensorId: sensor.id, state }
      } else if (source === 'detection') {
        shot = detections.pick(rng, street.properties.id)
        category = shot.kind
        attrs = shot.attrs
      } else if (source === 'incident') {
        attrs = { workerId: `W${streetNo}${rng.int(1, 700).toString().padStart(4, '0')}` }
      }
      const severity = severityFor(rng, source, attrs?.state as string | undefined)
      const title = rng.pick(TITLES[category] ?? [category])
      // Reports reach us a little after they happen.
      const occurredAt = new Date(at.getTime() - Math.round(rng.range(0, source === 'hotline' ? 600_000 : 30_000)))
      shot?.finish(`${run}-${opts.seed}-${n}`, occurredAt)
      const item = {
        source,
        sourceId: `${run}-${opts.seed}-${n}`,
        category,
        occurredAt: occurredAt.toISOString(),
        location: shot?.camera.location ?? { lng: Math.round(lng * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7 },
        title,
        ...(severity ? { severity } : {}),
        ...(attrs ? { attrs } : {}),
      }
      return item as IngestItem
    },
  }
}
