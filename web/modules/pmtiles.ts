/**
 * The `pmtiles://` protocol for MapLibre, registered once for the whole app: the offline basemap
 * (`BASEMAP_PMTILES`) is one archive read with HTTP Range requests rather than a tile server.
 * Registered whether or not a basemap is configured; an unused protocol costs nothing.
 */
import { addProtocol } from 'maplibre-gl'
import { Protocol } from 'pmtiles'
import type { AppModule } from './types.ts'

export const install: AppModule = () => {
  addProtocol('pmtiles', new Protocol().tile)
}
