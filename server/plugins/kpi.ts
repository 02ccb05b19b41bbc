/**
 * KPIs (接诉即办考核, DESIGN §2.3): `fastify.kpi` reports per street and community for today, this
 * week and this month, kept current from the case engine (server/kpi/), and streamed as `kpi` frames:
 * today's report for each room's scope, at most every KPI_STREAM_S seconds while cases change, and to
 * each socket as it connects.
 */
import fp from 'fastify-plugin'
import type { KpiFrame } from '../../domain/socket.ts'
import { casesForProjection, createKpiService, type KpiService } from '../kpi/kpi-service.ts'
import { DISTRICT_ROOM, roomOccupied, streetFilter, streetRoom } from '../realtime/rooms.ts'

declare module 'fastify' {
  interface FastifyInstance {
    kpi: KpiService
  }
}

export default fp(
  async (fastify) => {
    const { config, district, operationsDb, cases, io, store, log } = fastify
    const area = (f: { properties: { id: string; name: string; parentId: string | null } }) =>
      ({ id: f.properties.id, name: f.properties.name, parentId: f.properties.parentId ?? '' })
    const started = performance.now()
    const kpi = createKpiService((oldestDay) => casesForProjection(operationsDb, oldestDay), {
      areas: { streets: district.streets.map(area), communities: district.communities.map(area) },
      streamMs: config.KPI_STREAM_S * 1000,
    })
    log.info({ cases: kpi.projected(), ms: Math.round(performance.now() - started) }, 'KPI projection loaded')
    const unsubscribeCases = cases.onChange((changes) => kpi.consume(changes))

    const frame = (street?: string): KpiFrame => ({ seq: store.lastSeq(), kpi: kpi.report('today', street) })
    // Only rooms someone is in are computed: a report costs nothing when nobody watches it.
    const unsubscribeStream = kpi.onChange((changed) => {
      try {
        if (roomOccupied(io, DISTRICT_ROOM)) io.to(DISTRICT_ROOM).emit('kpi', frame())
        // A street's room hears only of its own cases (and of midnight).
        for (const s of changed.all ? district.streets.map((f) => f.properties.id) : changed.streets) {
          const room = streetRoom(s)
          if (roomOccupied(io, room)) io.to(room).emit('kpi', frame(s))
        }
      } catch (err) {
        log.error({ err }, 'KPI frame not sent')
      }
    })
    io.on('connection', (socket) => socket.emit('kpi', frame(streetFilter(socket.data.user.scope))))

    fastify.decorate('kpi', kpi)
    fastify.addHook('preClose', async () => {
      unsubscribeCases()
      unsubscribeStream()
      kpi.close()
    })
  },
  { name: 'kpi', dependencies: ['config', 'district', 'operations-db', 'store', 'realtime', 'cases'] },
)
