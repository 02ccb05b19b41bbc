/**
 * The district hierarchy, all five tiers, generated from the seed at boot (about half a second, so
 * it is not cached), and the point locator built over its micro-grids.
 */
import fp from 'fastify-plugin'
import { createLocator, generateDistrict, generateHierarchy, type FullHierarchy } from '../../geo/index.ts'

declare module 'fastify' {
  interface FastifyInstance {
    district: FullHierarchy
    locator: ReturnType<typeof createLocator>
  }
}

export default fp(
  async (fastify) => {
    const started = performance.now()
    const district = generateHierarchy(generateDistrict({ seed: fastify.config.GRIDWATCH_SEED }))
    fastify.log.info(
      { ms: Math.round(performance.now() - started), streets: district.streets.length, communities: district.communities.length, grids: district.grids.length, microgrids: district.microgrids.length },
      'district generated',
    )
    fastify.decorate('district', district)
    fastify.decorate('locator', createLocator(district))
  },
  { name: 'district', dependencies: ['config'] },
)
