import { describe, expect, it } from 'vitest'
import { makeCase, makeUnit } from '../testing/case-fixture.ts'
import { caseFeatures, unitFeatures } from './post-map-features.ts'

const NOW = Date.parse('2026-11-29T10:00:00Z')

describe('post map features', () => {
  it('draws cases by severity, marking the selected and the overdue', () => {
    const fc = caseFeatures([
      makeCase('a', { severity: 'extreme', location: { lng: 104.11, lat: 30.67 } }),
      makeCase('b', { deadlines: { acceptBy: '2026-11-29T09:00:00Z', arriveBy: '2026-11-29T11:00:00Z', resolveBy: '2026-11-29T12:00:00Z' } }),
    ], 'a', NOW)
    expect(fc.features.map((f) => [f.geometry.coordinates, f.properties])).toEqual([
      [[104.11, 30.67], { id: 'a', color: '#ff3b47', rank: 3, selected: true, late: false }],
      [[104.1, 30.66], { id: 'b', color: '#3ab8ff', rank: 0, selected: false, late: true }],
    ])
  })

  it('draws units by status', () => {
    const fc = unitFeatures([makeUnit('u', { status: 'en_route', caseId: 'a' }), makeUnit('v')])
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 'u', color: '#ffb020', busy: true },
      { id: 'v', color: '#2bf08f', busy: false },
    ])
  })
})
