import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { attributionText, readBasemapInfo } from './read-basemap-info.ts'
import { checkPmtilesFile } from './check-pmtiles-file.ts'

const FIRENZE = fileURLToPath(new URL('../../../shared/data/basemap/firenze.pmtiles', import.meta.url))

describe('reading a PMTiles basemap', () => {
  it('turns HTML attribution into text', () => {
    expect(attributionText('<a href="https://protomaps.com" target="_blank">Protomaps</a> &copy; <a href="https://www.openstreetmap.org">\n OpenStreetMap</a>'))
      .toBe('Protomaps © OpenStreetMap')
    expect(attributionText('<img src=x onerror=alert(1)>OSM')).toBe('OSM')
  })

  it('reads the header and metadata of a real archive through the pmtiles library', async () => {
    const header = checkPmtilesFile(FIRENZE)
    expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 14 })
    const info = await readBasemapInfo(FIRENZE)
    expect(info).toMatchObject({ available: true, url: '/basemap/basemap.pmtiles', minzoom: 0, maxzoom: 14 })
    expect(info.bounds).toEqual([header.minLon, header.minLat, header.maxLon, header.maxLat])
    expect(info.vectorLayers).toContain('roads')
    expect(info.attribution).toBe('Protomaps © OpenStreetMap')
  })
})
