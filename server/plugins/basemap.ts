/**
 * The offline basemap (`BASEMAP_PMTILES`): reads the archive's header and metadata once at boot and
 * decorates them as `fastify.basemap` (null when none is configured). The file itself is served by
 * `routes/basemap.ts`, which needs its own encapsulated @fastify/static.
 */
import fp from 'fastify-plugin'
import { resolve } from 'node:path'
import type { BasemapInfo } from '../../domain/basemap.ts'
import { ConfigError } from '../config.ts'
import { readBasemapInfo } from '../basemap/read-basemap-info.ts'

export interface Basemap {
  /** Absolute path of the archive on disk. */
  file: string
  info: BasemapInfo
}

declare module 'fastify' {
  interface FastifyInstance {
    basemap: Basemap | null
  }
}

export default fp(
  async (fastify) => {
    const configured = fastify.config.BASEMAP_PMTILES
    if (configured === undefined) {
      fastify.decorate('basemap', null)
      return
    }
    const file = resolve(configured)
    let info: BasemapInfo
    try {
      info = await readBasemapInfo(file)
    } catch (err) {
      // loadConfig already checked the header; this catches a corrupt directory or metadata section.
      throw new ConfigError(`BASEMAP_PMTILES=${JSON.stringify(configured)}: the archive cannot be read (${(err as Error).message})`)
    }
    fastify.log.info({ file, bounds: info.bounds, minzoom: info.minzoom, maxzoom: info.maxzoom, layers: info.vectorLayers }, 'basemap ready')
    fastify.decorate('basemap', { file, info })
  },
  { name: 'basemap', dependencies: ['config'] },
)
