import { describe, expect, it } from 'vitest'
import { makeEvent } from '../testing/event-fixture.ts'
import {
  filterBySource, initialSourceFilter, matchesSources, parseSourceFilter, serializeSourceFilter, toggleSource,
} from './feed-filter.ts'

describe('the source filter', () => {
  it('parses a comma list in the contract order, dropping unknown names', () => {
    expect(parseSourceFilter('detection, sensor,bogus,sensor')).toEqual(['sensor', 'detection'])
    expect(parseSourceFilter('')).toEqual([])
    expect(parseSourceFilter('bogus')).toEqual([])
    expect(parseSourceFilter(null)).toBeNull()
    expect(parseSourceFilter(undefined)).toBeNull()
  })

  it('round-trips through its written form', () => {
    expect(serializeSourceFilter(['hotline', 'incident'])).toBe('incident,hotline')
    expect(parseSourceFilter(serializeSourceFilter(['cap', 'sensor']))).toEqual(['sensor', 'cap'])
    expect(serializeSourceFilter([])).toBe('')
  })

  it('toggles a chip, and collapses every source chosen back to all', () => {
    expect(toggleSource([], 'sensor')).toEqual(['sensor'])
    expect(toggleSource(['sensor'], 'incident')).toEqual(['incident', 'sensor'])
    expect(toggleSource(['incident', 'sensor'], 'sensor')).toEqual(['incident'])
    expect(toggleSource(['incident', 'sensor', 'detection', 'hotline'], 'cap')).toEqual([])
  })

  it('passes everything when all, else only the chosen sources', () => {
    const feed = [
      makeEvent(1, { source: 'incident' }),
      makeEvent(2, { source: 'sensor' }),
      makeEvent(3, { source: 'hotline' }),
      makeEvent(4, { source: 'sensor' }),
    ]
    expect(filterBySource(feed, [])).toBe(feed)
    expect(filterBySource(feed, ['sensor']).map((e) => e.seq)).toEqual([2, 4])
    expect(filterBySource(feed, ['hotline', 'incident']).map((e) => e.seq)).toEqual([1, 3])
    expect(filterBySource(feed, ['cap'])).toEqual([])
    expect(matchesSources({ source: 'cap' }, [])).toBe(true)
    expect(matchesSources({ source: 'cap' }, ['sensor'])).toBe(false)
  })

  it('starts from the URL when it names a filter, else from storage, else all', () => {
    expect(initialSourceFilter('hotline', 'sensor')).toEqual(['hotline'])
    expect(initialSourceFilter('', 'sensor')).toEqual([])
    expect(initialSourceFilter(null, 'sensor,cap')).toEqual(['sensor', 'cap'])
    expect(initialSourceFilter(null, null)).toEqual([])
  })
})
