/**
 * The wall map's style: nothing but a dark background plus our own GeoJSON layers. Operations
 * centres often sit on networks with no internet, so there is no remote style, tile, sprite or
 * glyph URL here; street names are HTML markers because text layers would need glyphs.
 */
import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { SEVERITY_COLORS } from './severity-colors.ts'
import { byScene, hasRisk, RISK_FILL_OPACITY, riskColor, sceneStateSpec } from './risk-style.ts'

export const SOURCES = { district: 'district', streets: 'streets', events: 'events' } as const

export const LAYERS = {
  background: 'background',
  districtHalo: 'district-halo',
  districtFill: 'district-fill',
  streetFill: 'street-fill',
  streetLine: 'street-line',
  streetHover: 'street-hover',
  districtGlow: 'district-glow',
  districtLine: 'district-line',
  eventHalo: 'event-halo',
  eventDot: 'event-dot',
} as const

export const MAP_BACKGROUND = '#020a18'

/** Subtle, distinct tints from the cyan–blue–teal family; a street keeps its tint by position. */
export const STREET_TINTS = [
  '#1f6fb2', '#17808f', '#2a5fa8', '#1d8a78', '#3a55a0', '#1b7aa6',
  '#2c6d8c', '#236f9e', '#1f8470', '#3562a8', '#18788c', '#2b5c94',
] as const

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    state: sceneStateSpec(),
    layers: [{ id: LAYERS.background, type: 'background', paint: { 'background-color': MAP_BACKGROUND } }],
  }
}

/**
 * The streets with a `tint` property added, in the collection's order.
 *
 * @example
 * tintStreets(streets).features[0].properties.tint // '#1f6fb2'
 */
export function tintStreets(fc: FeatureCollection): FeatureCollection {
  return {
    ...fc,
    features: fc.features.map((f, i) => ({
      ...f,
      properties: { ...f.properties, tint: STREET_TINTS[i % STREET_TINTS.length] },
    })),
  }
}

const hover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false]
/** 0–1 share of recent events, set per street as feature-state by the map component. */
const activity: ExpressionSpecification = ['number', ['feature-state', 'activity'], 0]
/** The street on the drilled path; `dim` marks the others while the map is drilled into one. */
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false]
const dim: ExpressionSpecification = ['boolean', ['feature-state', 'dim'], false]
const tint: ExpressionSpecification = ['to-color', ['get', 'tint']]

export const severityColor: ExpressionSpecification = [
  'match',
  ['get', 'severity'],
  'extreme', SEVERITY_COLORS.extreme,
  'severe', SEVERITY_COLORS.severe,
  'moderate', SEVERITY_COLORS.moderate,
  SEVERITY_COLORS.minor,
]

/** The layers in draw order, bottom first. */
export function districtLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.districtHalo,
      type: 'line',
      source: SOURCES.district,
      paint: { 'line-color': '#00c8ff', 'line-width': 26, 'line-blur': 22, 'line-opacity': 0.35 },
    },
    {
      id: LAYERS.districtFill,
      type: 'fill',
      source: SOURCES.district,
      paint: { 'fill-color': '#06203d', 'fill-opacity': 0.9 },
    },
    {
      id: LAYERS.streetFill,
      type: 'fill',
      source: SOURCES.streets,
      // In the risk scene the streets take their five colours at the district's view; once drilled,
      // the drilled street and the dimmed others keep their tints and the focus's children take the colours.
      paint: {
        'fill-color': byScene(
          ['case', hover, '#35d6ff', tint],
          ['case', ['any', dim, selected], tint, riskColor],
        ),
        'fill-opacity': byScene(
          ['case', hover, 0.55, dim, 0.07, selected, 0.16, ['+', 0.22, ['*', 0.3, activity]]],
          ['case', hover, RISK_FILL_OPACITY.hover, dim, 0.07, selected, 0.16, hasRisk, RISK_FILL_OPACITY.scored, RISK_FILL_OPACITY.none],
        ),
      },
    },
    {
      id: LAYERS.streetLine,
      type: 'line',
      source: SOURCES.streets,
      paint: { 'line-color': '#5fd4ff', 'line-width': 1.2, 'line-opacity': 0.55 },
    },
    {
      id: LAYERS.streetHover,
      type: 'line',
      source: SOURCES.streets,
      paint: {
        'line-color': ['case', selected, '#ffffff', '#aef4ff'],
        'line-width': ['case', selected, 3, hover, 3, 0],
        'line-opacity': 0.95,
      },
    },
    {
      id: LAYERS.districtGlow,
      type: 'line',
      source: SOURCES.district,
      paint: { 'line-color': '#27e1ff', 'line-width': 8, 'line-blur': 6, 'line-opacity': 0.55 },
    },
    {
      id: LAYERS.districtLine,
      type: 'line',
      source: SOURCES.district,
      paint: { 'line-color': '#8ff3ff', 'line-width': 2.2 },
    },
    {
      id: LAYERS.eventHalo,
      type: 'circle',
      source: SOURCES.events,
      layout: { 'circle-sort-key': ['get', 'rank'] },
      paint: {
        'circle-color': severityColor,
        'circle-radius': ['+', 11, ['*', 4, ['get', 'rank']]],
        'circle-blur': 0.85,
        'circle-opacity': ['*', 0.5, ['get', 'recency']],
      },
    },
    {
      id: LAYERS.eventDot,
      type: 'circle',
      source: SOURCES.events,
      layout: { 'circle-sort-key': ['get', 'rank'] },
      // Filled with the source's colour (its icon is drawn on top, map/event-markers.ts) and ringed
      // with the severity's, over the severity halo: what it is and how bad, at a glance.
      paint: {
        'circle-color': ['to-color', ['get', 'color']],
        'circle-radius': ['+', 9, ['*', 1.5, ['get', 'rank']]],
        'circle-opacity': ['get', 'recency'],
        'circle-stroke-color': severityColor,
        'circle-stroke-width': 2,
        'circle-stroke-opacity': ['get', 'recency'],
      },
    },
  ]
}
