/**
 * A checked Open311 POST as a hotline ingest item: the service code is the category, Open311's own
 * fields go into `attrs` under their Open311 names, and the caller's contact into `attrs.caller`, raw,
 * for the dispatcher's case view; `publicEvent` masks it everywhere else.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { IngestItem } from '../../domain/event.ts'
import type { HotlineServiceDef } from '../../domain/hotline-services.ts'
import type { AttributeAnswer } from './check-attributes.ts'
import type { GeocodeMatch } from './geocode-address.ts'
import type { PostBody } from './open311-schemas.ts'

export interface Submission {
  body: PostBody
  service: HotlineServiceDef
  location: { lng: number; lat: number }
  /** Set when the location came from `address_string`, not lat/long. */
  geocoded?: GeocodeMatch
  answers: Record<string, AttributeAnswer>
  producer: string
  /** From the client's `Idempotency-Key`, if it sent one. */
  idempotencyKey?: string
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/**
 * With an idempotency key, the same key from the same producer always maps to the same sourceId, so a
 * retry finds the stored request instead of making a second one; without one, every POST is new.
 */
export function sourceIdFor(producer: string, idempotencyKey: string | undefined): string {
  return idempotencyKey ? `open311:${sha256(`${producer}\n${idempotencyKey}`).slice(0, 40)}` : `open311:${randomUUID()}`
}

/** What makes two POSTs "the same request": everything the client said, not when it said it. */
export function requestFingerprint(s: Submission): string {
  // The key is a credential, and attributes count once, as checked answers, however they were encoded.
  // The call's time is not what makes it the same call: a gateway replaying its queue may stamp it anew.
  const fields = Object.entries(s.body).filter(([k]) => k !== 'api_key' && k !== 'requested_datetime' && !k.startsWith('attribute'))
  const sorted = [...fields, ['answers', s.answers] as const].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return sha256(JSON.stringify(sorted))
}

const pick = <K extends keyof PostBody>(body: PostBody, keys: readonly K[]) =>
  Object.fromEntries(keys.flatMap((k) => (body[k] !== undefined ? [[k, body[k]]] : [])))

const OPEN311_FIELDS = ['address_string', 'address_id', 'device_id', 'media_url', 'account_id'] as const
const CALLER_FIELDS = ['first_name', 'last_name', 'phone', 'email'] as const

export function toHotlineItem(s: Submission, now: Date): IngestItem {
  const caller = pick(s.body, CALLER_FIELDS)
  const attrs: Record<string, unknown> = {
    open311: true,
    producer: s.producer,
    attributes: s.answers,
    ...pick(s.body, OPEN311_FIELDS),
    ...(Object.keys(caller).length > 0 ? { caller } : {}),
    ...(s.geocoded ? { geocoded: { level: s.geocoded.level, id: s.geocoded.id, name: s.geocoded.name } } : {}),
    ...(s.idempotencyKey ? { request_hash: requestFingerprint(s) } : {}),
  }
  return {
    source: 'hotline',
    sourceId: sourceIdFor(s.producer, s.idempotencyKey),
    category: s.service.code,
    occurredAt: s.body.requested_datetime ? new Date(s.body.requested_datetime).toISOString() : now.toISOString(),
    location: s.location,
    ...(s.body.description !== undefined ? { description: s.body.description } : {}),
    attrs,
  } as IngestItem
}
