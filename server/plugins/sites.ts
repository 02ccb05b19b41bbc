/**
 * The sites below and beside the hierarchy (DESIGN §2.1): dedicated grids, residential compounds and
 * building units, generated from the seed inside the district the `district` plugin loaded. About a third
 * of a second at boot, so they are not cached; the sensor registry and risk model will read them from here.
 */
import fp from 'fastify-plugin'
import { generateSites, type Sites } from '../../geo/index.ts'

declare module 'fastify' {
  interface FastifyInstance {
    sites: Sites
  }
}

export default fp(
  async (fastify) => {
    const started = performance.now()
    // The district's own locator: building paths then agree with where events are located.
    const sites = generateSites(fastify.district, { seed: fastify.config.GRIDWATCH_SEED, locator: fastify.locator })
    fastify.log.info(
      { ms: Math.round(performance.now() - started), dedicated: sites.dedicated.length, compounds: sites.compounds.length, buildings: sites.buildings.length },
      'sites ready',
    )
    fastify.decorate('sites', sites)
  },
  { name: 'sites', dependencies: ['district'] },
)
