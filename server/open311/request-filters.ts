/**
 * GET Service Requests' filters as a store search, with the spec's defaults: the most recent 90
 * days and at most 1,000 requests, newest first. `service_request_id` overrides every other filter.
 */
import type { EventSearch } from '../store/event-store.ts'
import { open311Error } from './open311-errors.ts'
import type { RequestsQuery } from './open311-schemas.ts'

export const MAX_RESULTS = 1000
export const MAX_SPAN_DAYS = 90
const DAY_MS = 86_400_000

const split = (list: string) => [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))]

export interface RequestFilters {
  search: EventSearch
  /** Statuses to keep; `undefined` keeps all. */
  statuses?: Set<'open' | 'closed'>
}

/**
 * @example
 * requestFilters({ service_code: 'noise,heating' }, new Date(), (c) => true)
 * // { search: { source: 'hotline', categories: ['noise', 'heating'], occurredFrom: <now − 90 d>, limit: 1000 } }
 */
export function requestFilters(q: RequestsQuery, now: Date, knownService: (code: string) => boolean): RequestFilters {
  if (q.service_request_id) {
    const ids = split(q.service_request_id)
    if (ids.length > MAX_RESULTS) throw open311Error(400, `at most ${MAX_RESULTS} service_request_id values at once`)
    return { search: { source: 'hotline', ids, limit: MAX_RESULTS } }
  }
  const search: EventSearch = { source: 'hotline', limit: MAX_RESULTS }
  if (q.service_code) {
    const codes = split(q.service_code)
    const unknown = codes.filter((c) => !knownService(c))
    if (unknown.length > 0) throw open311Error(400, `unknown service_code ${unknown.join(', ')}; see services.json`)
    search.categories = codes
  }
  const start = q.start_date ? new Date(q.start_date) : undefined
  const end = q.end_date ? new Date(q.end_date) : undefined
  if (start && end) {
    if (end < start) throw open311Error(400, 'end_date is before start_date')
    if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY_MS) throw open311Error(400, `start_date to end_date may not span more than ${MAX_SPAN_DAYS} days`)
  }
  // A missing bound is the other one ± 90 days; with neither, the most recent 90 days.
  const from = start ?? new Date((end ?? now).getTime() - MAX_SPAN_DAYS * DAY_MS)
  const until = end ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY_MS) : undefined)
  search.occurredFrom = from.toISOString()
  if (until) search.occurredUntil = until.toISOString()
  const statuses = q.status ? new Set(split(q.status) as Array<'open' | 'closed'>) : undefined
  return { search, ...(statuses ? { statuses } : {}) }
}
