/**
 * A 12345 call as the hotline gateway posts it to Open311: the service code, the caller's point, what
 * the operator wrote down, and an answer to every required attribute of the service (and the ones the
 * scenario gives), in GeoReport v2's form encoding (`attribute[code]`, `attribute[code][]`).
 */
import { findHotlineService, type ServiceAttribute } from '../domain/hotline-services.ts'
import type { Random } from '../geo/index.ts'

/** Text answers a caller would give, by attribute code; `{compound}` is the place's name. */
const TEXT_ANSWERS: Record<string, readonly string[]> = {
  compound_name: ['{compound}'],
  employer: ['某建筑工地项目部', '某餐饮公司', '某装修公司'],
  building: ['3栋2单元', '1栋1单元', '5栋3单元'],
  shop_name: ['某某餐馆', '某某超市'],
  route: ['52路', '6路', '38路'],
}

/** Numbers within a plausible range, by attribute code. */
const NUMBER_RANGES: Record<string, readonly [number, number]> = {
  households: [5, 300], workers: [3, 40], amount: [500, 80_000], area: [1, 30], built_year: [1980, 1999],
  indoor_temperature: [8, 16], count: [1, 8],
}

export interface HotlineCall {
  serviceCode: string
  lng: number
  lat: number
  description: string
  /** Answers the scenario fixes (keys for lists); the rest of the required ones are drawn. */
  answers?: Readonly<Record<string, string | number | readonly string[]>>
  /** Fills `{compound}` in text answers. */
  placeName?: string
  /** The call's time, for datetime answers (ISO). */
  at: string
  /** A caller's phone number (masked by the server everywhere it leaves). */
  phone?: string
}

function drawAnswer(a: ServiceAttribute, rng: Random, call: HotlineCall): string | string[] {
  switch (a.datatype) {
    case 'singlevaluelist':
      return rng.pick(a.values ?? []).key
    case 'multivaluelist': {
      const keys = (a.values ?? []).map((v) => v.key)
      const first = rng.pick(keys)
      const second = rng.pick(keys)
      return first === second ? [first] : [first, second]
    }
    case 'number': {
      const [lo, hi] = NUMBER_RANGES[a.code] ?? [1, 50]
      return String(rng.int(lo, hi))
    }
    case 'datetime':
      return call.at
    default:
      return rng.pick(TEXT_ANSWERS[a.code] ?? ['见描述']).replace('{compound}', call.placeName ?? '附近小区')
  }
}

/**
 * @example
 * hotlineForm({ serviceCode: 'heating', lng: 104.1, lat: 30.67, description: '暖气不热', at, answers: { issue: 'stopped' } }, rng)
 * // { service_code: 'heating', lat: '30.67', long: '104.1', description: '暖气不热', 'attribute[issue]': 'stopped', 'attribute[households]': '120' }
 */
export function hotlineForm(call: HotlineCall, rng: Random): Record<string, string | string[]> {
  const service = findHotlineService(call.serviceCode)
  if (!service) throw new Error(`unknown hotline service '${call.serviceCode}'`)
  const form: Record<string, string | string[]> = {
    service_code: service.code,
    lat: call.lat.toFixed(7),
    long: call.lng.toFixed(7),
    description: call.description,
    // The Gridwatch extension: the call's simulated time, not the moment it is posted.
    requested_datetime: call.at,
  }
  if (call.phone) form.phone = call.phone
  for (const a of service.attributes) {
    if (!a.variable) continue
    const given = call.answers?.[a.code]
    if (given === undefined && !a.required) continue
    const value = given === undefined ? drawAnswer(a, rng, call) : Array.isArray(given) ? [...given] : String(given)
    if (a.datatype === 'multivaluelist') form[`attribute[${a.code}][]`] = Array.isArray(value) ? value : [value]
    else form[`attribute[${a.code}]`] = Array.isArray(value) ? (value[0] ?? '') : value
  }
  return form
}

/** A mainland mobile number, as callers leave them. */
export function callerPhone(rng: Random): string {
  return `1${rng.pick(['38', '39', '58', '59', '86', '88', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
}
