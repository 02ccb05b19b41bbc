import { describe, expect, it } from 'vitest'
import { requestFilters } from './request-filters.ts'

const now = new Date('2026-11-22T12:00:00Z')
const known = (c: string) => ['noise', 'heating'].includes(c)

describe('requestFilters', () => {
  it('defaults to the most recent 90 days and 1,000 requests', () => {
    expect(requestFilters({}, now, known)).toEqual({ search: { source: 'hotline', limit: 1000, occurredFrom: '2026-08-24T12:00:00.000Z' } })
  })

  it('fills a missing bound with the other ± 90 days', () => {
    expect(requestFilters({ start_date: '2026-01-01T00:00:00+08:00' }, now, known).search).toMatchObject({
      occurredFrom: '2025-12-31T16:00:00.000Z', occurredUntil: '2026-03-31T16:00:00.000Z',
    })
    expect(requestFilters({ end_date: '2026-06-01T00:00:00Z' }, now, known).search).toMatchObject({
      occurredFrom: '2026-03-03T00:00:00.000Z', occurredUntil: '2026-06-01T00:00:00.000Z',
    })
  })

  it('refuses a window of more than 90 days, or one that ends before it starts', () => {
    expect(() => requestFilters({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, now, known)).toThrow(/90 days/)
    expect(() => requestFilters({ start_date: '2026-06-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }, now, known)).toThrow(/before/)
  })

  it('splits comma lists and refuses unknown service codes', () => {
    expect(requestFilters({ service_code: 'noise, heating' }, now, known).search.categories).toEqual(['noise', 'heating'])
    expect(() => requestFilters({ service_code: 'noise,ufo' }, now, known)).toThrow(/unknown service_code ufo/)
    expect(requestFilters({ status: 'open,closed' }, now, known).statuses).toEqual(new Set(['open', 'closed']))
  })

  it('lets service_request_id override every other filter', () => {
    expect(requestFilters({ service_request_id: 'a,b', service_code: 'ufo', start_date: '2020-01-01T00:00:00Z' }, now, known))
      .toEqual({ search: { source: 'hotline', ids: ['a', 'b'], limit: 1000 } })
  })
})
