/**
 * The one place an event is made fit to leave the server: every feed (`/api/v1/events`), socket
 * payload (snapshot, frames, resume) and Open311 read passes events through `publicEvent`. The stored
 * document keeps the caller's raw contact so that an authorised dispatcher's case view (the dispatch
 * issue) can show it; nothing else does.
 */
import type { StoredEvent } from '../../domain/event.ts'
import { maskEmail, maskFreeText, maskIdentifier, maskName, maskPhone } from './mask-contact.ts'

type Masker = (value: string) => string

/**
 * A name sent in two fields is masked as one: the family name stays (张), the given name goes (*), so
 * the pair reads 张* exactly as `maskName('张三')` does, and never as a meaningless `**`.
 */
const maskFamilyName: Masker = (v) => ([...v.trim()].length <= 1 ? v.trim() : maskName(v))
const maskGivenName: Masker = (v) => '*'.repeat(Math.max(1, [...v.trim()].length))

/** Contact fields by name, as Open311 names them (`attrs.caller`) and as other producers might. */
const CONTACT_FIELDS: Record<string, Masker> = {
  first_name: maskGivenName,
  last_name: maskFamilyName,
  name: maskName,
  callerName: maskName,
  caller_name: maskName,
  phone: maskPhone,
  mobile: maskPhone,
  callerPhone: maskPhone,
  caller_phone: maskPhone,
  email: maskEmail,
  callerEmail: maskEmail,
  caller_email: maskEmail,
  // Open311's own: the device and the app account a request came from identify the caller as surely.
  device_id: maskIdentifier,
  account_id: maskIdentifier,
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function maskContact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    const mask = CONTACT_FIELDS[key]
    out[key] = mask && typeof value === 'string' ? mask(value) : value
  }
  return out
}

/** Free-text Open311 attribute answers may carry a number too ("请联系138…"). */
function maskAnswers(answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(answers)) out[key] = typeof value === 'string' ? maskFreeText(value) : value
  return out
}

/**
 * The event as any client may see it. Only hotline events carry a caller, so other sources are
 * returned as they are (the same object: this runs for every event in every frame).
 *
 * @example
 * publicEvent(e).attrs.caller // { last_name: '张', first_name: '*', phone: '138****1234' }
 */
export function publicEvent(e: StoredEvent): StoredEvent {
  if (e.source !== 'hotline') return e
  const attrs = maskContact(e.attrs)
  if (isRecord(attrs.caller)) attrs.caller = maskContact(attrs.caller)
  else if (typeof attrs.caller === 'string') attrs.caller = maskName(attrs.caller)
  if (isRecord(attrs.attributes)) attrs.attributes = maskAnswers(attrs.attributes)
  if (typeof attrs.address_string === 'string') attrs.address_string = maskFreeText(attrs.address_string)
  const out: StoredEvent = { ...e, attrs }
  if (e.title !== undefined) out.title = maskFreeText(e.title)
  if (e.description !== undefined) out.description = maskFreeText(e.description)
  return out
}
