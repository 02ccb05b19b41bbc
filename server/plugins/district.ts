/**
 * The district hierarchy, all five tiers: imported, cached or generated from the seed
 * (`server/district/load-hierarchy.ts`), and the point locator built over its micro-grids.
 */
import fp from 'fastify-plugin'
import { createLocator, type FullHierarchy } from '../../geo/index.ts'
import { loadHierarchy, type HierarchyOrigin } from '../district/load-hierarchy.ts'

declare module 'fastify' {
  interface FastifyInstance {
    district: FullHierarchy
    /** Where the district came from: an imported file, the generation cache, or a fresh generation. */
    districtOrigin: HierarchyOrigin
    locator: ReturnType<typeof createLocator>
  }
}

export default fp(
  async (fastify) => {
    const started = performance.now()
    const { hierarchy, origin } = loadHierarchy({
      dataDir: fastify.config.DATA_DIR,
      seed: fastify.config.GRIDWATCH_SEED,
      importedFile: fastify.config.HIERARCHY_FILE,
      log: (message, fields) => fastify.log.info(fields ?? {}, message),
    })
    fastify.log.info(
      {
        origin, ms: Math.round(performance.now() - started), district: hierarchy.district.properties.id,
        streets: hierarchy.streets.length, communities: hierarchy.communities.length, grids: hierarchy.grids.length, microgrids: hierarchy.microgrids.length,
      },
      'district ready',
    )
    fastify.decorate('district', hierarchy)
    fastify.decorate('districtOrigin', origin)
    fastify.decorate('locator', createLocator(hierarchy))
  },
  { name: 'district', dependencies: ['config'] },
)
