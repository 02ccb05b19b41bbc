/**
 * The weather bureau's side of the demo: a CAP 1.2 rainstorm warning (暴雨预警) over part of the
 * district, as 成都市气象台 would publish it, so a demo wall shows a warning area without anyone
 * writing XML. The area is a circle (CAP `lat,lon radius`) around a seeded point in the district.
 */
import type { DistrictHierarchy } from '../../geo/index.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'

const LEVELS = {
  blue: { colour: '蓝色', capSeverity: 'Moderate', hours: 6 },
  yellow: { colour: '黄色', capSeverity: 'Moderate', hours: 6 },
  orange: { colour: '橙色', capSeverity: 'Severe', hours: 3 },
  red: { colour: '红色', capSeverity: 'Extreme', hours: 3 },
} as const
export type WarningLevel = keyof typeof LEVELS
/** The levels a demo run draws from (red is left to drills that ask for it). */
const DRAWN: readonly WarningLevel[] = ['blue', 'yellow', 'orange']

export interface RainstormOptions {
  district: DistrictHierarchy
  seed: string
  runId: string
  /** `sent` and `effective`; a scenario passes its simulated time. */
  now: Date
  /** Drawn from the seed when absent. */
  street?: DistrictHierarchy['streets'][number]
  /** The circle's centre [lng, lat] and radius; drawn inside the street when absent. */
  centre?: readonly [number, number]
  radiusKm?: number
  level?: WarningLevel
}

/** CAP's dateTime: seconds and a numeric offset (the schema refuses `Z`), in China time. */
function capTime(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3600_000)
  return `${local.toISOString().slice(0, 19)}+08:00`
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * @example
 * rainstormWarning({ district, seed: 'chenghua-510108', runId: 'live1', now: new Date() })
 * // '<?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">…'
 */
export function rainstormWarning(opts: RainstormOptions): string {
  const rng = createRandom(opts.seed).fork(`cap-${opts.runId}`)
  // Draws are skipped, not reordered, when a drill fixes a value, so a demo run's warning stays as it was.
  const street = opts.street ?? opts.district.streets[Math.floor(rng.next() * opts.district.streets.length)]!
  const [lng, lat] = opts.centre ?? randomPointInPolygon(rng, street)
  const level = LEVELS[opts.level ?? DRAWN[Math.floor(rng.next() * DRAWN.length)]!]
  const radiusKm = opts.radiusKm ?? 2 + Math.round(rng.next() * 20) / 10
  const name = street.properties.name
  const expires = new Date(opts.now.getTime() + level.hours * 3600_000)
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>CN-SC-CD-RAIN-${escape(opts.runId)}</identifier>
  <sender>chengdu-weather@cma.gov.cn</sender>
  <sent>${capTime(opts.now)}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨${level.colour}预警</event>
    <urgency>Expected</urgency>
    <severity>${level.capSeverity}</severity>
    <certainty>Likely</certainty>
    <effective>${capTime(opts.now)}</effective>
    <expires>${capTime(expires)}</expires>
    <senderName>成都市气象台</senderName>
    <headline>成都市气象台发布暴雨${level.colour}预警信号</headline>
    <description>预计未来${level.hours}小时${escape(name)}及周边将出现短时强降水，累计雨量可达50毫米以上。</description>
    <instruction>停止户外作业，远离低洼地带、下穿隧道和地下空间；网格员加强易涝点巡查。</instruction>
    <area>
      <areaDesc>${escape(name)}及周边</areaDesc>
      <circle>${lat!.toFixed(5)},${lng!.toFixed(5)} ${radiusKm.toFixed(1)}</circle>
    </area>
  </info>
</alert>`
}
