/**
 * The operations database: registries and lifecycle state beside the event log (sensor registry and
 * alarms, camera registry, warnings, later cases). A second SQLite file, `DATA_DIR/operations.sqlite`,
 * opened on the main thread: its writes are few and small (an alarm opening, an operator's
 * acknowledgement), and keeping them out of `gridwatch.sqlite` means they never wait behind the event
 * writer's batches. Each plugin that uses it creates its own tables with `CREATE TABLE IF NOT EXISTS`.
 */
import fp from 'fastify-plugin'
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startWalCheckpointer } from '../store/wal-checkpointer.ts'

declare module 'fastify' {
  interface FastifyInstance {
    operationsDb: Database.Database
  }
}

export default fp(
  async (fastify) => {
    const dir = resolve(fastify.config.DATA_DIR)
    mkdirSync(dir, { recursive: true })
    const db = new Database(join(dir, 'operations.sqlite'))
    db.pragma('journal_mode = WAL')
    // Acknowledged changes (an operator's ack, a registry edit) must survive a power cut.
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
    // Checkpoints happen beside the main thread, not inside whichever commit crosses the WAL limit.
    const checkpointer = startWalCheckpointer(db)
    fastify.decorate('operationsDb', db)
    fastify.addHook('onClose', async () => {
      await checkpointer.close()
      db.close()
    })
  },
  { name: 'operations-db', dependencies: ['config'] },
)
