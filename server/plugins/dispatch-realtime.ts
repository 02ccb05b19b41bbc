/**
 * The dispatch picture on the socket: `cases` frames from the case engine's changes and `units`
 * frames from the units service's, coalesced per room (FRAME_INTERVAL_MS) and scoped by street.
 * KPI frames are the KPI plugin's own.
 */
import fp from 'fastify-plugin'
import { registerCasesRealtime } from '../realtime/cases.ts'
import { registerUnitsRealtime, type UnitChanges } from '../realtime/units.ts'

export default fp(
  async (fastify) => {
    const { io, store, metrics, config } = fastify
    const common = { io, lastSeq: () => store.lastSeq(), intervalMs: config.FRAME_INTERVAL_MS, onFrame: () => metrics.frames.inc() }
    const streams = [registerCasesRealtime({ ...common, cases: fastify.cases })]

    // Units are optional until the units plugin lands; then it becomes a hard dependency above.
    // Looked up once every plugin is registered, so the order of registration does not matter.
    fastify.addHook('onReady', async () => {
      if (!fastify.hasDecorator('units')) return
      const units = (fastify as unknown as { units: UnitChanges }).units
      streams.push(registerUnitsRealtime({ ...common, units }))
    })

    fastify.addHook('preClose', async () => {
      for (const s of streams) s.flushAll()
    })
    fastify.addHook('onClose', async () => {
      for (const s of streams) s.close()
    })
  },
  { name: 'dispatch-realtime', dependencies: ['realtime', 'cases', 'store', 'metrics', 'config'] },
)
