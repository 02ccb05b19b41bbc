/**
 * What the web app needs to know about the archive (bounds, zooms, its tile layers, attribution),
 * read once at boot through the `pmtiles` library over a local file.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { PMTiles, type RangeResponse, type Source } from 'pmtiles'
import { BASEMAP_URL, type BasemapInfo } from '../../domain/basemap.ts'

/** A `pmtiles` Source over a local file: the library ships one for browsers' File and for fetch only. */
class FileHandleSource implements Source {
  constructor(
    private readonly file: FileHandle,
    private readonly key: string,
  ) {}

  getKey(): string {
    return this.key
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buf = Buffer.alloc(length)
    const { bytesRead } = await this.file.read(buf, 0, length, offset)
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytesRead) }
  }
}

interface Metadata {
  vector_layers?: unknown
  attribution?: unknown
}

/**
 * Markup removed, entities a basemap's attribution uses decoded: the wall renders it as text.
 *
 * @example
 * attributionText('<a href="https://osm.org">© OpenStreetMap</a>') // '© OpenStreetMap'
 */
export function attributionText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/g, '©')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

function layerIds(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((l: unknown) => (l && typeof l === 'object' && typeof (l as { id?: unknown }).id === 'string' ? [(l as { id: string }).id] : []))
}

/** Throws when the header or metadata cannot be read (the caller names the variable). */
export async function readBasemapInfo(path: string): Promise<BasemapInfo> {
  const file = await open(path, 'r')
  try {
    const archive = new PMTiles(new FileHandleSource(file, path))
    const header = await archive.getHeader()
    // An archive may carry no metadata at all (length 0); that is allowed by the spec.
    const metadata = (header.jsonMetadataLength > 0 ? await archive.getMetadata() : {}) as Metadata | null
    const attribution = typeof metadata?.attribution === 'string' ? attributionText(metadata.attribution) : ''
    return {
      available: true,
      url: BASEMAP_URL,
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      center: [header.centerLon, header.centerLat],
      vectorLayers: layerIds(metadata?.vector_layers),
      ...(attribution ? { attribution } : {}),
    }
  } finally {
    await file.close()
  }
}
