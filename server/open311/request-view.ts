/**
 * A stored hotline event as an Open311 service request. Only what the spec defines goes out, and
 * free text passes through `publicEvent` first, so no caller's name, phone or e-mail ever does.
 */
import type { StoredEvent } from '../../domain/event.ts'
import { findHotlineService, type HotlineServiceDef } from '../../domain/hotline-services.ts'
import type { CaseStatus } from '../../domain/cases.ts'
import { maskFreeText } from '../privacy/mask-contact.ts'
import { publicEvent } from '../privacy/public-event.ts'
import type { ServiceRequest } from './open311-schemas.ts'
import { localShort, toW3 } from './w3-datetime.ts'

/** Names of the district's nodes by id, for the responsible agency and a readable address. */
export interface PlaceNames {
  district: { id: string; name: string }
  nameOf(id: string | null): string | undefined
}

/** The case a request's event is attached to (server/cases), as far as Open311 needs it. */
export interface RequestCase {
  status: CaseStatus
  updatedAt: string
  resolution?: { note: string }
}
export type CaseOfRequest = (eventId: string) => RequestCase | undefined

/** A request follows its case: `closed` once the case is resolved or closed, `open` before (or without one). */
export function requestStatus(e: StoredEvent, caseOf?: CaseOfRequest): 'open' | 'closed' {
  const c = caseOf?.(e.id)
  return c && (c.status === 'resolved' || c.status === 'closed') ? 'closed' : 'open'
}

/** The street's operations centre handles what falls in its street; the district's handles the rest. */
export function agencyFor(e: StoredEvent, places: PlaceNames): string {
  const street = places.nameOf(e.path.street)
  return `${street ?? places.district.name}城运中心`
}

/** When the request should be resolved: requested + the service's SLA (办结时限). */
export function expectedAt(requested: Date, service: HotlineServiceDef | undefined): Date | undefined {
  return service ? new Date(requested.getTime() + service.sla.resolveHours * 3600_000) : undefined
}

/**
 * The notice a caller hears back, in Chinese: who handles it, when they call, when it is due. A point
 * outside the district is kept (as on `/api/v1/events`) and said to need checking.
 */
export function serviceNotice(agency: string, requested: Date, service: HotlineServiceDef | undefined, outside = false): string {
  const accepted = outside ? `已受理。所报位置不在本区范围内，由${agency}核实后转办。` : `已受理，转${agency}办理。`
  if (!service) return accepted
  const due = expectedAt(requested, service)!
  return `${accepted}将在${service.sla.respondHours}小时内与您联系，预计${localShort(due)}前办结。`
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Chinese addresses run from the district down (成华区猛追湾街道望平路社区), as callers write them. */
function placeAddress(e: StoredEvent, places: PlaceNames): string | null {
  if (e.outside) return null
  const parts = [places.district.name, places.nameOf(e.path.street), places.nameOf(e.path.community)].filter(Boolean)
  return parts.length > 1 ? parts.join('') : null
}

export function toServiceRequest(stored: StoredEvent, places: PlaceNames, caseOf?: CaseOfRequest): ServiceRequest {
  const e = publicEvent(stored)
  const c = caseOf?.(e.id)
  const service = findHotlineService(e.category)
  const requested = new Date(e.occurredAt)
  const agency = agencyFor(e, places)
  const expected = expectedAt(requested, service)
  return {
    service_request_id: e.id,
    status: requestStatus(e, caseOf),
    // The dispatcher's resolution note, masked as any free text that leaves the server.
    status_notes: c?.resolution ? maskFreeText(c.resolution.note) : null,
    service_name: service?.zh ?? e.category,
    service_code: e.category,
    description: e.description ?? e.title ?? null,
    agency_responsible: agency,
    service_notice: serviceNotice(agency, requested, service, e.outside),
    requested_datetime: toW3(requested),
    updated_datetime: toW3(c && c.updatedAt > e.receivedAt ? c.updatedAt : e.receivedAt),
    expected_datetime: expected ? toW3(expected) : null,
    address: str(e.attrs.address_string) ?? placeAddress(e, places),
    address_id: str(e.attrs.address_id),
    zipcode: null,
    lat: e.location.lat,
    long: e.location.lng,
    media_url: str(e.attrs.media_url),
  }
}
