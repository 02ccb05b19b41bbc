/**
 * A checked CAP alert as a `cap` ingest item: one stored event per message, so the wall's feed and the
 * event log show every warning, update and cancellation as it arrived. The live state of warnings is
 * kept apart (warnings-state.ts).
 */
import type { CapAlert, CapInfo, CapSeverity } from '../../domain/cap.ts'
import type { IngestItem, LngLat, Severity } from '../../domain/event.ts'
import { areasCentre } from './cap-geometry.ts'

type CapItem = Extract<IngestItem, { source: 'cap' }>

const SEVERITY: Record<CapSeverity, Severity> = { Extreme: 'extreme', Severe: 'severe', Moderate: 'moderate', Minor: 'minor', Unknown: 'minor' }

/** CAP 1.2 severity in Gridwatch's scale; `Unknown` is shown as the lowest, not guessed upwards. */
export const capSeverity = (s: CapSeverity): Severity => SEVERITY[s]

/**
 * The `<info>` Gridwatch reads: the first in Chinese when there is one (the wall's language), else the
 * first. A message may carry one `<info>` per language; the event lists them all in `attrs.languages`.
 */
export function primaryInfo(alert: Pick<CapAlert, 'info'>): CapInfo | undefined {
  return alert.info.find((i) => i.language.toLowerCase().startsWith('zh')) ?? alert.info[0]
}

/** The taxonomy code: the first category other than `Other`, lower-cased (`Met` → `met`). */
export function capCategory(info: CapInfo | undefined): string {
  const first = info?.categories.find((c) => c !== 'Other') ?? 'Other'
  return first.toLowerCase()
}

export const capSourceId = (a: Pick<CapAlert, 'sender' | 'identifier' | 'sent'>) => `${a.sender}|${a.identifier}|${a.sent}`

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** Where the alert is placed and how that place was found. */
export function capLocation(info: CapInfo | undefined, fallback: LngLat): { location: LngLat; locatedBy: 'area' | 'district' } {
  const centre = info ? areasCentre(info.areas) : undefined
  return centre ? { location: centre, locatedBy: 'area' } : { location: fallback, locatedBy: 'district' }
}

/**
 * `fallback` places a message whose areas have no polygon or circle (only a description or geocodes):
 * such a message reached this district's intake, so it is taken to concern the district.
 * @example
 * capToItem(alert, { lng: 104.1, lat: 30.66 })
 * // { source: 'cap', sourceId: 'KSTO@NWS.NOAA.GOV|KSTO1055887203|2003-06-17T14:57:00-07:00', category: 'met', severity: 'severe', … }
 */
export function capToItem(alert: CapAlert, fallback: LngLat): CapItem {
  const info = primaryInfo(alert)
  const { location, locatedBy } = capLocation(info, fallback)
  const attrs: CapItem['attrs'] = {
    identifier: alert.identifier,
    sender: alert.sender,
    sent: alert.sent,
    msgType: alert.msgType,
    status: alert.status,
    scope: alert.scope,
    references: alert.references,
    locatedBy,
  }
  const optional: Record<string, unknown> = {
    note: alert.note,
    incidents: alert.incidents,
    event: info?.event,
    headline: info?.headline,
    instruction: info?.instruction,
    urgency: info?.urgency,
    certainty: info?.certainty,
    capSeverity: info?.severity,
    categories: info?.categories,
    effective: info?.effective,
    onset: info?.onset,
    expires: info?.expires,
    senderName: info?.senderName,
    language: info?.language,
    languages: alert.info.length > 1 ? alert.info.map((i) => i.language) : undefined,
    areas: info?.areas.map(({ areaDesc, polygons, circles }) => ({ areaDesc, polygons, circles })),
  }
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) attrs[k] = v
  const item: CapItem = {
    source: 'cap',
    sourceId: capSourceId(alert),
    category: capCategory(info),
    severity: info ? capSeverity(info.severity) : 'minor',
    occurredAt: alert.sent,
    location,
    title: clip(info?.headline ?? info?.event ?? `${alert.msgType} ${alert.identifier}`, 200),
    attrs,
  }
  if (info?.description) item.description = clip(info.description, 4000)
  return item
}
