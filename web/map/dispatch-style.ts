/**
 * The dispatch overlay's sources and layers: lines from busy units to their cases and the units
 * themselves beneath the event markers, SLA rings over them (the ring's hole leaves the event's icon
 * visible). At the district's zoom only busy units are drawn: 1,300 idle ones would bury the map, so
 * they appear once the map is drilled into a street. Likewise a case with time in hand wears its ring
 * from a street's zoom only, and is a small dot in its colour below that: a busy day leaves a thousand
 * cases open, and a thousand rings 30 px wide covered the whole district. Cases near or past their
 * deadline, and escalated ones, wear their rings at every zoom.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import type { UnitStatus } from '../../domain/units.ts'
import { SLA_COLORS } from './sla-ring.ts'

export const DISPATCH_SOURCES = { cases: 'dispatch-cases', units: 'dispatch-units', links: 'dispatch-links' } as const

export const DISPATCH_LAYERS = {
  links: 'dispatch-links',
  caseGlow: 'dispatch-case-glow',
  caseDot: 'dispatch-case-dot',
  unitsIdle: 'dispatch-units-idle',
  unitsBusy: 'dispatch-units-busy',
  caseRing: 'dispatch-case-ring',
  caseRingCalm: 'dispatch-case-ring-calm',
  caseAlert: 'dispatch-case-alert',
} as const

/** Layers drawn beneath the event markers, and over them. */
export const DISPATCH_LAYERS_UNDER_EVENTS = [DISPATCH_LAYERS.links, DISPATCH_LAYERS.caseGlow, DISPATCH_LAYERS.caseDot, DISPATCH_LAYERS.unitsIdle, DISPATCH_LAYERS.unitsBusy] as const
export const DISPATCH_LAYERS_OVER_EVENTS = [DISPATCH_LAYERS.caseRingCalm, DISPATCH_LAYERS.caseRing, DISPATCH_LAYERS.caseAlert] as const

/** Idle units, and the rings of cases with time in hand, appear from this zoom (about one street filling the map). */
export const IDLE_UNITS_MIN_ZOOM = 12.5
export const CALM_RINGS_MIN_ZOOM = IDLE_UNITS_MIN_ZOOM

/** Our own forces in the cyan–white family, apart from the events' source colours; idle ones dim. */
export const UNIT_COLORS: Record<UnitStatus, string> = {
  available: '#6f8aa8',
  dispatched: '#9fd8ff',
  en_route: '#27e1ff',
  on_scene: '#ffffff',
  cleared: '#6f8aa8',
}

/** @example unitImageId('en_route') // 'unit-en_route' */
export const unitImageId = (status: UnitStatus): string => `unit-${status}`

const escalated: ExpressionSpecification = ['==', ['get', 'escalated'], true]
/** Time in hand and never escalated: nothing on the case asks for a look yet. */
const calm: ExpressionSpecification = ['all', ['==', ['get', 'state'], 'ok'], ['!', escalated]]
/**
 * The ring surrounds the event dot at the case's place (radius up to 13.5 px plus its stroke, at any
 * zoom), so it keeps one size: smaller would hide beneath the dot. Escalated cases wear a larger one.
 */
const ringSize: ExpressionSpecification = ['case', escalated, 1.4, 1.1]

function ringLayer(id: string, filter: ExpressionSpecification, minzoom?: number): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: DISPATCH_SOURCES.cases,
    ...(minzoom === undefined ? {} : { minzoom }),
    filter,
    layout: {
      'icon-image': ['get', 'ring'],
      'icon-size': ringSize,
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['get', 'rank'],
    },
  }
}

export function dispatchLayers(): LayerSpecification[] {
  return [
    {
      id: DISPATCH_LAYERS.links,
      type: 'line',
      source: DISPATCH_SOURCES.links,
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': ['match', ['get', 'status'], 'on_scene', UNIT_COLORS.on_scene, UNIT_COLORS.en_route],
        'line-width': 1.6,
        'line-opacity': 0.75,
        'line-dasharray': [2, 2],
      },
    },
    {
      id: DISPATCH_LAYERS.caseGlow,
      type: 'circle',
      source: DISPATCH_SOURCES.cases,
      filter: escalated,
      paint: {
        'circle-color': SLA_COLORS.late,
        'circle-radius': 34,
        'circle-blur': 0.8,
        'circle-opacity': 0.45,
      },
    },
    {
      id: DISPATCH_LAYERS.unitsIdle,
      type: 'symbol',
      source: DISPATCH_SOURCES.units,
      minzoom: IDLE_UNITS_MIN_ZOOM,
      filter: ['==', ['get', 'busy'], false],
      layout: { 'icon-image': ['concat', 'unit-', ['get', 'status']], 'icon-size': 0.8, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
      paint: { 'icon-opacity': 0.6 },
    },
    {
      id: DISPATCH_LAYERS.unitsBusy,
      type: 'symbol',
      source: DISPATCH_SOURCES.units,
      filter: ['==', ['get', 'busy'], true],
      layout: {
        'icon-image': ['concat', 'unit-', ['get', 'status']],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 13, 1.1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: DISPATCH_LAYERS.caseDot,
      type: 'circle',
      source: DISPATCH_SOURCES.cases,
      maxzoom: CALM_RINGS_MIN_ZOOM,
      filter: calm,
      paint: {
        'circle-color': SLA_COLORS.ok,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, CALM_RINGS_MIN_ZOOM, 4],
        'circle-opacity': 0.85,
        'circle-stroke-color': '#04101f',
        'circle-stroke-width': 0.5,
      },
    },
    ringLayer(DISPATCH_LAYERS.caseRingCalm, calm, CALM_RINGS_MIN_ZOOM),
    ringLayer(DISPATCH_LAYERS.caseRing, ['!', calm]),
    {
      id: DISPATCH_LAYERS.caseAlert,
      type: 'circle',
      source: DISPATCH_SOURCES.cases,
      filter: escalated,
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': 30,
        'circle-stroke-color': SLA_COLORS.late,
        'circle-stroke-width': 2,
        'circle-stroke-opacity': 0.95,
      },
    },
  ]
}
