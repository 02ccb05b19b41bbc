import { describe, expect, it } from 'vitest'
import type { BasemapInfo } from '../../domain/basemap.ts'
import { BASEMAP_LAYER_PREFIX, BASEMAP_SOURCE, basemapLayers, basemapSchemas, basemapSource } from './basemap-style.ts'

/** The tile layers `../shared/data/basemap/firenze.pmtiles` declares (a 2023 Protomaps build). */
const FIRENZE_LAYERS = ['earth', 'natural', 'land', 'water', 'physical_line', 'buildings', 'physical_point', 'places', 'roads', 'transit', 'pois', 'boundaries', 'mask']
const OPENMAPTILES_LAYERS = ['water', 'waterway', 'landcover', 'landuse', 'park', 'boundary', 'aeroway', 'transportation', 'building', 'place', 'poi']

const sourceLayers = (vectorLayers?: string[]) => new Set(basemapLayers(vectorLayers).map((l) => ('source-layer' in l ? l['source-layer'] : undefined)))

describe('the basemap style', () => {
  it('styles a Protomaps archive by its own layers, including the landuse its metadata calls land', () => {
    expect(basemapSchemas(FIRENZE_LAYERS)).toEqual(['protomaps'])
    const used = sourceLayers(FIRENZE_LAYERS)
    for (const l of ['earth', 'water', 'roads', 'buildings', 'landuse', 'land', 'natural', 'transit', 'boundaries']) expect(used).toContain(l)
    expect(used).not.toContain('transportation')
  })

  it('styles an OpenMapTiles archive by its class names', () => {
    expect(basemapSchemas(OPENMAPTILES_LAYERS)).toEqual(['openmaptiles'])
    const used = sourceLayers(OPENMAPTILES_LAYERS)
    for (const l of ['water', 'waterway', 'transportation', 'building', 'park', 'boundary']) expect(used).toContain(l)
    expect(used).not.toContain('roads')
  })

  it('fails soft: missing or unfamiliar metadata gets every layer it knows, drawing whatever matches', () => {
    for (const declared of [undefined, [], ['something_else']]) {
      expect(basemapSchemas(declared)).toEqual(['protomaps', 'openmaptiles'])
      expect(sourceLayers(declared)).toEqual(new Set([...sourceLayers(FIRENZE_LAYERS), ...sourceLayers(OPENMAPTILES_LAYERS)]))
    }
  })

  it('has no text, icons or remote URLs, and prefixed unique ids on its own source', () => {
    const layers = basemapLayers()
    expect(layers.length).toBeGreaterThan(10)
    expect(layers.some((l) => l.type === 'symbol' || l.type === 'raster')).toBe(false)
    expect(JSON.stringify(layers)).not.toMatch(/https?:|mapbox:|glyphs|sprite|icon-image|text-field/)
    for (const l of layers) {
      expect(l.id.startsWith(BASEMAP_LAYER_PREFIX)).toBe(true)
      expect('source' in l && l.source).toBe(BASEMAP_SOURCE)
    }
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length)
  })

  it('draws ground first and roads above water and buildings', () => {
    const ids = basemapLayers(FIRENZE_LAYERS).map((l) => l.id)
    const at = (id: string) => ids.indexOf(`${BASEMAP_LAYER_PREFIX}${id}`)
    expect(at('earth')).toBe(0)
    expect(at('water')).toBeGreaterThan(at('green-landuse'))
    expect(at('roads-minor')).toBeGreaterThan(at('building-buildings'))
    expect(at('roads-highway')).toBeGreaterThan(at('roads-minor'))
  })

  it('reads the archive from the page origin through pmtiles://, within its bounds and zooms', () => {
    const info: BasemapInfo = {
      available: true, url: '/basemap/basemap.pmtiles', bounds: [11.15, 43.72, 11.33, 43.83], minzoom: 0, maxzoom: 14,
      attribution: '© OpenStreetMap',
    }
    expect(basemapSource(info, 'http://10.0.0.5:3000')).toEqual({
      type: 'vector',
      tiles: ['pmtiles://http://10.0.0.5:3000/basemap/basemap.pmtiles/{z}/{x}/{y}'],
      bounds: [11.15, 43.72, 11.33, 43.83],
      minzoom: 0,
      maxzoom: 14,
      attribution: '© OpenStreetMap',
    })
    expect(() => basemapSource({ available: false }, 'http://x')).toThrow(/no basemap/)
  })
})
