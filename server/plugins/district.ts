/** The district hierarchy (generated from the seed) and the point locator built over it. */
import fp from 'fastify-plugin'
import { createLocator, generateDistrict, type DistrictHierarchy } from '../../geo/index.ts'

declare module 'fastify' {
  interface FastifyInstance {
    district: DistrictHierarchy
    locator: ReturnType<typeof createLocator>
  }
}

export default fp(
  async (fastify) => {
    const district = generateDistrict({ seed: fastify.config.GRIDWATCH_SEED })
    fastify.decorate('district', district)
    fastify.decorate('locator', createLocator(district))
  },
  { name: 'district', dependencies: ['config'] },
)
