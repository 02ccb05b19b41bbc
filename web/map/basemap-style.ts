/**
 * A dark vector style for the offline basemap (`BASEMAP_PMTILES`), drawn beneath the district's own
 * layers. It keeps to the wall's navy: land is the wall's own background (so the edge of an
 * extract does not show as a lighter rectangle), water a clearer blue, parks a hint of teal,
 * buildings faint blocks, roads in steel blues that brighten with their rank. There is no text
 * and no icon (those need glyphs and sprites from somewhere; the wall's names are HTML labels).
 *
 * Archives come in different schemas. This styles Protomaps (`pmap:kind`, older; `kind`, newer)
 * and OpenMapTiles (`class`) layers; a tile layer with no style here is simply not drawn.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl'
import type { BasemapInfo } from '../../domain/basemap.ts'
import { MAP_BACKGROUND } from './district-style.ts'

export const BASEMAP_SOURCE = 'basemap'
/** Every basemap layer's id starts with this. */
export const BASEMAP_LAYER_PREFIX = 'basemap-'

export const BASEMAP_COLORS = {
  earth: MAP_BACKGROUND,
  green: '#0a2a2c',
  civic: '#061830',
  water: '#0a2c52',
  waterway: '#0f3864',
  building: '#0b1e38',
  buildingEdge: '#12294a',
  path: '#14304f',
  minor: '#1b3c60',
  medium: '#244b74',
  major: '#2d5c8c',
  highway: '#3a6fa6',
  rail: '#2b4a6e',
  boundary: '#3d5f8a',
} as const

/**
 * How much of the district's fill is kept over a basemap: its usual near-opaque navy would hide
 * the roads inside the district, which are the part an operator most wants to see.
 */
export const DISTRICT_FILL_OVER_BASEMAP = 0.75

type Schema = 'protomaps' | 'openmaptiles'

/** Tile layers that only one schema has, by which an archive's metadata tells its schema. */
const SCHEMA_MARKERS: Record<Schema, readonly string[]> = {
  protomaps: ['earth', 'roads', 'buildings', 'physical_line', 'transit', 'natural', 'boundaries'],
  openmaptiles: ['transportation', 'building', 'waterway', 'park', 'boundary', 'aeroway', 'landcover'],
}

/** The feature's kind whatever the schema calls the property. */
const kind: ExpressionSpecification = ['coalesce', ['get', 'pmap:kind'], ['get', 'kind'], ['get', 'class'], '']

const GREEN = [
  'park', 'forest', 'wood', 'grass', 'garden', 'meadow', 'scrub', 'cemetery', 'grave_yard', 'golf_course',
  'nature_reserve', 'national_park', 'recreation_ground', 'village_green', 'pitch', 'playground', 'dog_park',
  'orchard', 'vineyard', 'allotments', 'wetland', 'greenery',
]
const CIVIC = ['hospital', 'school', 'university', 'college', 'kindergarten', 'industrial', 'railway', 'military']

/** True when the kind, or (older Protomaps) the raw OSM tag, is one of `values`. */
function anyOf(values: readonly string[]): ExpressionSpecification {
  const list = ['literal', values] as unknown as ExpressionSpecification
  return [
    'any',
    ['in', kind, list],
    ['in', ['coalesce', ['get', 'landuse'], ''], list],
    ['in', ['coalesce', ['get', 'leisure'], ''], list],
    ['in', ['coalesce', ['get', 'natural'], ''], list],
  ]
}

const ROAD_RANKS = {
  highway: ['highway', 'motorway', 'trunk'],
  major: ['major_road', 'primary', 'secondary'],
  medium: ['medium_road', 'tertiary'],
  minor: ['minor_road', 'minor', 'service'],
  path: ['other', 'path', 'track'],
} as const
type RoadRank = keyof typeof ROAD_RANKS

/** Line width in pixels by zoom, from `[zoom, width]` stops. */
function widths(...stops: Array<[number, number]>): ExpressionSpecification {
  return ['interpolate', ['exponential', 1.6], ['zoom'], ...stops.flat()] as ExpressionSpecification
}

const ROAD_STYLE: Record<RoadRank, { minzoom: number; width: ExpressionSpecification; opacity: number }> = {
  path: { minzoom: 14, width: widths([14, 0.5], [16, 1.4], [18, 3]), opacity: 0.7 },
  minor: { minzoom: 12, width: widths([12, 0.4], [14, 1.3], [16, 4], [18, 10]), opacity: 0.9 },
  medium: { minzoom: 10, width: widths([10, 0.4], [13, 1.1], [14, 2], [16, 5.5], [18, 13]), opacity: 1 },
  major: { minzoom: 8, width: widths([8, 0.4], [12, 1.3], [14, 2.8], [16, 7], [18, 16]), opacity: 1 },
  highway: { minzoom: 6, width: widths([6, 0.5], [10, 1.2], [13, 2.4], [14, 3.6], [16, 9], [18, 20]), opacity: 1 },
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

interface Template {
  /** The schemas whose archives carry `sourceLayer`. */
  schemas: readonly Schema[]
  sourceLayer: string
  /** The layer without its id prefix, source and source-layer. */
  layer: DistributiveOmit<LayerSpecification, 'source' | 'source-layer'>
}

const both: readonly Schema[] = ['protomaps', 'openmaptiles']
const pm: readonly Schema[] = ['protomaps']
const omt: readonly Schema[] = ['openmaptiles']
const polygons: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon']
const lines: ExpressionSpecification = ['==', ['geometry-type'], 'LineString']

function greenFill(sourceLayer: string, schemas: readonly Schema[], all = false): Template {
  return {
    schemas,
    sourceLayer,
    layer: {
      id: `green-${sourceLayer}`,
      type: 'fill',
      filter: all ? polygons : ['all', polygons, anyOf(GREEN)],
      // Fainter when zoomed out, where wooded hills would otherwise read as large blotches.
      paint: { 'fill-color': BASEMAP_COLORS.green, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.3, 14, 0.55] },
    },
  }
}

function roadLine(sourceLayer: string, schemas: readonly Schema[], rank: RoadRank): Template {
  const s = ROAD_STYLE[rank]
  return {
    schemas,
    sourceLayer,
    layer: {
      id: `${sourceLayer}-${rank}`,
      type: 'line',
      minzoom: s.minzoom,
      filter: ['in', kind, ['literal', ROAD_RANKS[rank]]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASEMAP_COLORS[rank], 'line-width': s.width, 'line-opacity': s.opacity },
    },
  }
}

function railLine(sourceLayer: string, schemas: readonly Schema[]): Template {
  return {
    schemas,
    sourceLayer,
    layer: {
      id: `rail-${sourceLayer}`,
      type: 'line',
      minzoom: 10,
      filter: ['any', ['==', kind, 'rail'], ['==', kind, 'railway'], ['==', ['get', 'railway'], 'rail']],
      paint: { 'line-color': BASEMAP_COLORS.rail, 'line-width': widths([10, 0.6], [14, 1.4], [18, 3]), 'line-dasharray': [3, 2] },
    },
  }
}

/** Bottom first: ground, then water, buildings, transport, boundaries. */
const TEMPLATES: readonly Template[] = [
  { schemas: pm, sourceLayer: 'earth', layer: { id: 'earth', type: 'fill', paint: { 'fill-color': BASEMAP_COLORS.earth } } },
  greenFill('natural', pm, true),
  greenFill('landcover', both),
  greenFill('park', omt, true),
  // Early Protomaps archives declare `land` in their metadata but carry `landuse` in their tiles.
  ...['landuse', 'land'].flatMap((sourceLayer): Template[] => [
    {
      schemas: sourceLayer === 'land' ? pm : both,
      sourceLayer,
      layer: { id: `civic-${sourceLayer}`, type: 'fill', minzoom: 12, filter: ['all', polygons, anyOf(CIVIC)], paint: { 'fill-color': BASEMAP_COLORS.civic, 'fill-opacity': 0.8 } },
    },
    greenFill(sourceLayer, sourceLayer === 'land' ? pm : both),
  ]),
  { schemas: both, sourceLayer: 'water', layer: { id: 'water', type: 'fill', filter: polygons, paint: { 'fill-color': BASEMAP_COLORS.water } } },
  ...[
    ['water', both],
    ['physical_line', pm],
    ['waterway', omt],
  ].map(([sourceLayer, schemas]): Template => ({
    schemas: schemas as readonly Schema[],
    sourceLayer: sourceLayer as string,
    layer: {
      id: `waterway-${sourceLayer as string}`,
      type: 'line',
      // Drains and ditches are everywhere in lowland cities and would only add noise.
      filter: ['all', lines, ['!', ['in', ['coalesce', ['get', 'waterway'], kind], ['literal', ['drain', 'ditch', 'cliff', 'natural']]]]],
      paint: { 'line-color': BASEMAP_COLORS.waterway, 'line-width': widths([10, 0.6], [14, 1.8], [18, 5]) },
    },
  })),
  ...[
    ['buildings', pm],
    ['building', omt],
  ].map(([sourceLayer, schemas]): Template => ({
    schemas: schemas as readonly Schema[],
    sourceLayer: sourceLayer as string,
    layer: {
      id: `building-${sourceLayer as string}`,
      type: 'fill',
      minzoom: 13,
      paint: {
        'fill-color': BASEMAP_COLORS.building,
        'fill-outline-color': BASEMAP_COLORS.buildingEdge,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.4, 15, 0.9],
      },
    },
  })),
  railLine('transit', pm),
  railLine('roads', pm),
  railLine('transportation', omt),
  ...(['path', 'minor', 'medium', 'major', 'highway'] as const).flatMap((rank) => [
    roadLine('roads', pm, rank),
    roadLine('transportation', omt, rank),
  ]),
  ...[
    ['boundaries', pm],
    ['boundary', omt],
  ].map(([sourceLayer, schemas]): Template => ({
    schemas: schemas as readonly Schema[],
    sourceLayer: sourceLayer as string,
    layer: {
      id: `boundary-${sourceLayer as string}`,
      type: 'line',
      paint: { 'line-color': BASEMAP_COLORS.boundary, 'line-width': 1, 'line-dasharray': [4, 3], 'line-opacity': 0.6 },
    },
  })),
]

/**
 * The schemas an archive's declared tile layers point to; all of them when the metadata names
 * none we know (missing metadata, or an unfamiliar schema), so nothing is dropped on a guess.
 *
 * @example
 * basemapSchemas(['earth', 'roads', 'water']) // ['protomaps']
 */
export function basemapSchemas(vectorLayers: readonly string[] = []): Schema[] {
  const found = (Object.keys(SCHEMA_MARKERS) as Schema[]).filter((s) => SCHEMA_MARKERS[s].some((l) => vectorLayers.includes(l)))
  return found.length > 0 ? found : (Object.keys(SCHEMA_MARKERS) as Schema[])
}

/**
 * The basemap's layers, bottom first, for the archive's schema. Every layer of that schema is
 * included, not only those the metadata declares, because declarations can be wrong (see `land`).
 */
export function basemapLayers(vectorLayers: readonly string[] = []): LayerSpecification[] {
  const schemas = basemapSchemas(vectorLayers)
  const seen = new Set<string>()
  const out: LayerSpecification[] = []
  for (const t of TEMPLATES) {
    const id = `${BASEMAP_LAYER_PREFIX}${t.layer.id}`
    if (seen.has(id) || !t.schemas.some((s) => schemas.includes(s))) continue
    seen.add(id)
    out.push({ ...t.layer, id, source: BASEMAP_SOURCE, 'source-layer': t.sourceLayer } as LayerSpecification)
  }
  return out
}

/**
 * The archive as a vector source read through the `pmtiles://` protocol (`modules/pmtiles.ts`),
 * from the same origin as the page. Bounds and zooms come from the server's reading of the
 * header, so no tile outside the archive is ever requested.
 *
 * @example
 * basemapSource(info, 'http://wall.local:3000').tiles // ['pmtiles://http://wall.local:3000/basemap/basemap.pmtiles/{z}/{x}/{y}']
 */
export function basemapSource(info: BasemapInfo, origin: string): VectorSourceSpecification {
  if (!info.available || !info.url) throw new Error('basemapSource: the server reports no basemap')
  return {
    type: 'vector',
    tiles: [`pmtiles://${origin}${info.url}/{z}/{x}/{y}`],
    ...(info.bounds ? { bounds: info.bounds } : {}),
    ...(info.minzoom !== undefined ? { minzoom: info.minzoom } : {}),
    ...(info.maxzoom !== undefined ? { maxzoom: info.maxzoom } : {}),
    ...(info.attribution ? { attribution: info.attribution } : {}),
  }
}
