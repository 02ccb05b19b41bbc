/**
 * What the detail drawer shows for each source, read from `attrs` as the helpers' contract names
 * them. Every field may be missing (an older event, a producer that sends less); the drawer then
 * leaves that line out rather than showing "undefined".
 */
import type { StoredEvent } from '../../domain/event.ts'
import { findHotlineService } from '../../domain/hotline-services.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import { num, record, recordList, text, textList, type Attrs } from './read-attrs.ts'
import { safeImageUrl, safeLinkUrl } from './safe-url.ts'

export interface SensorDetail {
  sensorId: string | null
  /** `alarm`, `fault`, `offline`, `normal`, or whatever the producer sent. */
  state: string | null
  alarmId: string | null
  buildingId: string | null
  compoundId: string | null
  placement: string | null
  value: number | null
  faultCode: string | null
}

export function sensorDetail(attrs: Attrs): SensorDetail {
  return {
    sensorId: text(attrs, 'sensorId'),
    state: text(attrs, 'state'),
    alarmId: text(attrs, 'alarmId'),
    buildingId: text(attrs, 'buildingId'),
    compoundId: text(attrs, 'compoundId'),
    placement: text(attrs, 'placement'),
    value: num(attrs, 'value'),
    faultCode: text(attrs, 'faultCode'),
  }
}

/** A box over the snapshot, in percent of the frame. */
export interface BoxPercent {
  left: number
  top: number
  width: number
  height: number
}

/**
 * `attrs.bbox` (`[x, y, w, h]`, 0–1 of the frame) as CSS percentages, clipped to the frame; null
 * when it is not four finite numbers or has no area inside the frame.
 *
 * @example
 * bboxPercent([0.25, 0.5, 0.2, 0.8]) // { left: 25, top: 50, width: 20, height: 50 }
 */
export function bboxPercent(value: unknown): BoxPercent | null {
  if (!Array.isArray(value) || value.length !== 4) return null
  if (!value.every((v) => typeof v === 'number' && Number.isFinite(v))) return null
  const [x, y, w, h] = value as [number, number, number, number]
  const left = Math.max(0, x)
  const top = Math.max(0, y)
  const right = Math.min(1, x + w)
  const bottom = Math.min(1, y + h)
  if (right <= left || bottom <= top) return null
  const pct = (v: number) => Math.round(v * 10000) / 100
  return { left: pct(left), top: pct(top), width: pct(right - left), height: pct(bottom - top) }
}

export interface DetectionDetail {
  cameraId: string | null
  /** 0–1. */
  confidence: number | null
  bbox: BoxPercent | null
  snapshotUrl: string | null
  clipUrl: string | null
  hotspotId: string | null
  /** False below the camera's confidence threshold; true when the producer did not say. */
  alerting: boolean
}

export function detectionDetail(attrs: Attrs): DetectionDetail {
  const confidence = num(attrs, 'confidence')
  return {
    cameraId: text(attrs, 'cameraId'),
    confidence: confidence !== null && confidence >= 0 && confidence <= 1 ? confidence : null,
    bbox: bboxPercent(attrs['bbox']),
    snapshotUrl: safeImageUrl(attrs['snapshotUrl']),
    clipUrl: safeLinkUrl(attrs['clipUrl']),
    hotspotId: text(attrs, 'hotspotId'),
    alerting: attrs['alerting'] !== false,
  }
}

/**
 * A phone number as the wall may show it. The server masks callers' numbers before anything leaves
 * it; should an unmasked run of digits ever reach the wall anyway (a producer's field under a name
 * the server does not know), it is masked here too rather than shown. Never unmasks.
 *
 * @example
 * displayPhone('138****1234') // '138****1234'
 * displayPhone('13812341234') // '138****1234'
 */
export function displayPhone(phone: string): string {
  const digits = phone.replace(/[\s\-+()]/g, '')
  if (!/\d{7,}/.test(digits)) return phone
  // A mobile written with China's country code (+86 138…) is masked as the number itself.
  const local = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits
  return `${local.slice(0, 3)}****${local.slice(-4)}`
}

export interface HotlineDetail {
  serviceName: string | null
  group: string | null
  callerName: string | null
  callerPhone: string | null
  address: string | null
  /** When the request is due (`expected_datetime`): requested + the service's resolve SLA; ISO. */
  expectedAt: string | null
  /** The caller's answers to the service's questions, with the questions' and options' names. */
  answers: { label: string; value: string }[]
}

function callerName(caller: Attrs, attrs: Attrs): string | null {
  const family = text(caller, 'last_name')
  const given = text(caller, 'first_name')
  // Chinese order, family name first; both are masked by the server (张* / *).
  if (family || given) return `${family ?? ''}${given ?? ''}`
  return text(caller, 'name') ?? text(attrs, 'callerName') ?? text(attrs, 'caller_name') ?? (typeof attrs['caller'] === 'string' ? text(attrs, 'caller') : null)
}

function callerPhone(caller: Attrs, attrs: Attrs): string | null {
  const phone = text(caller, 'phone') ?? text(caller, 'mobile') ?? text(attrs, 'callerPhone') ?? text(attrs, 'caller_phone') ?? text(attrs, 'phone')
  return phone === null ? null : displayPhone(phone)
}

function expectedAt(event: Pick<StoredEvent, 'occurredAt' | 'category' | 'attrs'>): string | null {
  const given = text(event.attrs, 'expected_datetime')
  if (given && !Number.isNaN(Date.parse(given))) return given
  const service = findHotlineService(event.category)
  const requested = Date.parse(event.occurredAt)
  if (!service || Number.isNaN(requested)) return null
  return new Date(requested + service.sla.resolveHours * 3_600_000).toISOString()
}

function answers(event: Pick<StoredEvent, 'category' | 'attrs'>): { label: string; value: string }[] {
  const given = record(event.attrs, 'attributes')
  const defs = findHotlineService(event.category)?.attributes ?? []
  const out: { label: string; value: string }[] = []
  for (const [code, raw] of Object.entries(given)) {
    const def = defs.find((a) => a.code === code)
    const nameOf = (key: string) => def?.values?.find((v) => v.key === key)?.name ?? key
    let value: string | null = null
    if (typeof raw === 'string') value = nameOf(raw)
    else if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw)
    else if (Array.isArray(raw)) value = raw.filter((v): v is string => typeof v === 'string').map(nameOf).join('、')
    if (value) out.push({ label: def?.description ?? code, value })
  }
  return out
}

export function hotlineDetail(event: Pick<StoredEvent, 'occurredAt' | 'category' | 'attrs'>, locale: AppLocale): HotlineDetail {
  const service = findHotlineService(event.category)
  const caller = record(event.attrs, 'caller')
  const geocoded = record(event.attrs, 'geocoded')
  return {
    serviceName: service ? (locale === 'en' ? service.en : service.zh) : null,
    group: service?.group ?? null,
    callerName: callerName(caller, event.attrs),
    callerPhone: callerPhone(caller, event.attrs),
    address: text(event.attrs, 'address_string') ?? text(event.attrs, 'address') ?? text(geocoded, 'name'),
    expectedAt: expectedAt(event),
    answers: answers(event),
  }
}

export interface IncidentDetail {
  workerId: string | null
  /** Safe image URLs only. */
  photos: string[]
}

export function incidentDetail(attrs: Attrs): IncidentDetail {
  return {
    workerId: text(attrs, 'workerId'),
    photos: textList(attrs, 'photos').map(safeImageUrl).filter((u): u is string => u !== null),
  }
}

export interface CapArea {
  name: string
  polygons: number
  circles: number
}

export interface CapDetail {
  identifier: string | null
  sender: string | null
  sent: string | null
  msgType: string | null
  status: string | null
  event: string | null
  headline: string | null
  urgency: string | null
  /** CAP's own severity word when the event kept it; the drawer falls back to the event's severity. */
  severity: string | null
  certainty: string | null
  instruction: string | null
  effective: string | null
  expires: string | null
  areas: CapArea[]
}

export function capDetail(attrs: Attrs): CapDetail {
  return {
    identifier: text(attrs, 'identifier'),
    sender: text(attrs, 'sender'),
    sent: text(attrs, 'sent'),
    msgType: text(attrs, 'msgType'),
    status: text(attrs, 'status'),
    event: text(attrs, 'event'),
    headline: text(attrs, 'headline'),
    urgency: text(attrs, 'urgency'),
    severity: text(attrs, 'severity'),
    certainty: text(attrs, 'certainty'),
    instruction: text(attrs, 'instruction'),
    effective: text(attrs, 'effective'),
    expires: text(attrs, 'expires'),
    areas: recordList(attrs, 'areas').map((a) => ({
      name: text(a, 'areaDesc') ?? '',
      polygons: Array.isArray(a['polygons']) ? a['polygons'].length : 0,
      circles: Array.isArray(a['circles']) ? a['circles'].length : 0,
    })),
  }
}
