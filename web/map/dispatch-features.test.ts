import { describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import type { Unit } from '../../domain/units.ts'
import { caseFeatures, unitCaseLinks, unitFeatures } from './dispatch-features.ts'
import { RING_STEPS, slaView } from './sla-ring.ts'
import { CALM_RINGS_MIN_ZOOM, dispatchLayers, DISPATCH_LAYERS, IDLE_UNITS_MIN_ZOOM } from './dispatch-style.ts'

const T0 = Date.parse('2026-11-29T02:00:00.000Z')
const iso = (min: number) => new Date(T0 + min * 60_000).toISOString()

function openCase(id: string, extra: Partial<Case> = {}): Case {
  return {
    id, status: 'new', tier: 'microgrid',
    path: { district: '510108', street: '510108001', community: 'c', grid: 'g', microgrid: 'm' },
    location: { lng: 104.1, lat: 30.67 }, category: 'noise', source: 'hotline', severity: 'moderate', title: '噪声',
    eventIds: ['e1'], eventCount: 1, department: null, openedAt: iso(0), updatedAt: iso(0),
    deadlines: { acceptBy: iso(20), arriveBy: iso(60), resolveBy: iso(240) }, escalations: 0, ...extra,
  }
}

function unit(id: string, extra: Partial<Unit> = {}): Unit {
  return {
    id, kind: 'grid_worker', name: id, department: null, home: { street: '510108001', community: null, grid: null },
    status: 'available', location: { lng: 104.09, lat: 30.66 }, caseId: null, statusSince: iso(0), updatedAt: iso(0), ...extra,
  }
}

describe('slaView', () => {
  it('counts down to the deadline the status works towards', () => {
    expect(slaView(openCase('a'), T0 + 5 * 60_000)).toMatchObject({ dueKind: 'accept', leftMs: 15 * 60_000, share: 0.75, state: 'ok', step: 9 })
    expect(slaView(openCase('a', { status: 'accepted' }), T0 + 30 * 60_000)).toMatchObject({ dueKind: 'arrive', share: 0.5, state: 'ok' })
    expect(slaView(openCase('a', { status: 'on_scene' }), T0)).toMatchObject({ dueKind: 'resolve', share: 1, step: RING_STEPS })
  })

  it('turns amber in the last quarter and red once past, drawn whole', () => {
    expect(slaView(openCase('a'), T0 + 14 * 60_000).state).toBe('ok')
    expect(slaView(openCase('a'), T0 + 15 * 60_000)).toMatchObject({ state: 'warn', step: 3 })
    expect(slaView(openCase('a'), T0 + 19.9 * 60_000)).toMatchObject({ state: 'warn', step: 1 })
    expect(slaView(openCase('a'), T0 + 20 * 60_000)).toMatchObject({ state: 'warn', step: 0 })
    expect(slaView(openCase('a'), T0 + 21 * 60_000)).toMatchObject({ state: 'late', step: RING_STEPS, leftMs: -60_000 })
  })
})

describe('caseFeatures', () => {
  it('gives each open case its ring image and puts late and escalated cases on top', () => {
    const fc = caseFeatures([openCase('ok'), openCase('late', { openedAt: iso(-30), deadlines: { acceptBy: iso(-1), arriveBy: iso(30), resolveBy: iso(200) } }), openCase('up', { escalations: 1, tier: 'community' })], T0)
    const byId = Object.fromEntries(fc.features.map((f) => [f.properties.id, f.properties]))
    expect(byId['ok']).toMatchObject({ ring: `sla-ring-ok-${RING_STEPS}`, state: 'ok', escalated: false })
    expect(byId['late']).toMatchObject({ ring: `sla-ring-late-${RING_STEPS}`, state: 'late' })
    expect(byId['up']!.escalated).toBe(true)
    expect(byId['late']!.rank).toBeGreaterThan(byId['up']!.rank)
    expect(byId['up']!.rank).toBeGreaterThan(byId['ok']!.rank)
    expect(fc.features[0]!.geometry.coordinates).toEqual([104.1, 30.67])
  })
})

describe('units and links', () => {
  it('marks busy units, and links each busy unit to its case when the case is shown', () => {
    const units = [
      unit('idle'),
      unit('going', { status: 'en_route', caseId: 'C1' }),
      unit('there', { status: 'on_scene', caseId: 'C1', location: { lng: 104.1, lat: 30.67 } }),
      unit('elsewhere', { status: 'dispatched', caseId: 'C-not-in-scope' }),
      unit('done', { status: 'cleared', caseId: 'C1' }),
    ]
    expect(unitFeatures(units).features.map((f) => [f.properties.id, f.properties.busy])).toEqual([
      ['idle', false], ['going', true], ['there', true], ['elsewhere', true], ['done', false],
    ])
    const links = unitCaseLinks(units, new Map([['C1', openCase('C1')]]))
    expect(links.features.map((f) => f.properties.unitId)).toEqual(['going', 'there'])
    expect(links.features[0]!.geometry.coordinates).toEqual([[104.09, 30.66], [104.1, 30.67]])
  })

  it('hides idle units at the district’s zoom but never busy ones', () => {
    const layers = Object.fromEntries(dispatchLayers().map((l) => [l.id, l]))
    expect(layers[DISPATCH_LAYERS.unitsIdle]!.minzoom).toBe(IDLE_UNITS_MIN_ZOOM)
    expect(layers[DISPATCH_LAYERS.unitsBusy]!.minzoom).toBeUndefined()
  })

  it('draws a calm case as a dot at the district’s zoom and ringed from a street’s, and every other case ringed at all zooms', () => {
    const layers = Object.fromEntries(dispatchLayers().map((l) => [l.id, l]))
    const calmRing = layers[DISPATCH_LAYERS.caseRingCalm]!
    const dot = layers[DISPATCH_LAYERS.caseDot]!
    const ring = layers[DISPATCH_LAYERS.caseRing]!
    expect([calmRing.minzoom, dot.maxzoom, ring.minzoom]).toEqual([CALM_RINGS_MIN_ZOOM, CALM_RINGS_MIN_ZOOM, undefined])
    // Every case is in exactly one of the two ring layers, and the dot stands in for the calm ring.
    const filter = (l: unknown) => (l as { filter: unknown }).filter
    expect(filter(ring)).toEqual(['!', filter(calmRing)])
    expect(filter(dot)).toEqual(filter(calmRing))
    expect(JSON.stringify(filter(calmRing))).toBe(JSON.stringify(['all', ['==', ['get', 'state'], 'ok'], ['!', ['==', ['get', 'escalated'], true]]]))
  })
})
