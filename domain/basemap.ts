/**
 * The offline basemap (`BASEMAP_PMTILES`): where the web app finds the archive and what it holds,
 * read by the server from the file's PMTiles header and metadata (`GET /api/v1/basemap`).
 */
import { Type, type Static } from '@sinclair/typebox'

/** The one URL the archive is served at, whatever the file on disk is called. */
export const BASEMAP_URL = '/basemap/basemap.pmtiles'

const LngLat = Type.Tuple([Type.Number(), Type.Number()])

export const BasemapInfo = Type.Object({
  /** False when no basemap is configured; the other fields are then absent. */
  available: Type.Boolean(),
  url: Type.Optional(Type.String({ description: 'Same-origin URL of the archive; read it with HTTP Range requests' })),
  /** `[west, south, east, north]`, WGS-84. */
  bounds: Type.Optional(Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()])),
  minzoom: Type.Optional(Type.Integer({ minimum: 0 })),
  maxzoom: Type.Optional(Type.Integer({ minimum: 0 })),
  /** `[lng, lat]` the archive suggests as its centre. */
  center: Type.Optional(LngLat),
  /** The tile layers the archive's metadata declares (its schema: Protomaps, OpenMapTiles, …). */
  vectorLayers: Type.Optional(Type.Array(Type.String())),
  /** Plain text: the metadata's attribution with any HTML markup removed. */
  attribution: Type.Optional(Type.String()),
})
export type BasemapInfo = Static<typeof BasemapInfo>
