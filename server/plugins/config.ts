/** Decorates the checked configuration as `fastify.config`. */
import fp from 'fastify-plugin'
import type { Config } from '../config.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
  }
}

export default fp<{ config: Config }>(
  async (fastify, opts) => {
    fastify.decorate('config', opts.config)
  },
  { name: 'config' },
)
