/** The event store (SQLite file under DATA_DIR); drained and closed on shutdown. */
import fp from 'fastify-plugin'
import { join, resolve } from 'node:path'
import type { EventStore } from '../store/event-store.ts'
import { createSqliteEventStore } from '../store/sqlite-event-store.ts'

declare module 'fastify' {
  interface FastifyInstance {
    store: EventStore
  }
}

export default fp(
  async (fastify) => {
    const file = join(resolve(fastify.config.DATA_DIR), 'gridwatch.sqlite')
    const store = createSqliteEventStore(file)
    fastify.log.info({ file, lastSeq: store.lastSeq() }, 'event store opened')
    fastify.decorate('store', store)
    // After the HTTP server has stopped taking requests, so in-flight writes are drained first.
    fastify.addHook('onClose', async () => store.close())
  },
  { name: 'store', dependencies: ['config'] },
)
