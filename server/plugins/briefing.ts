/**
 * The situation briefing for leaders (DESIGN §1, domain/briefing.ts): `fastify.briefing` reads it on
 * demand from the hourly event counts (a follower kept here, `event_hourly` in the operations
 * database), the store's gravest events, the daily report counts, the KPIs, the risk warnings and the
 * cases.
 */
import fp from 'fastify-plugin'
import { centroid } from '@turf/turf'
import { labelPoint } from '../../geo/label-point.ts'
import { createBriefingService, type BriefingCommunity, type BriefingService } from '../briefing/briefing-service.ts'
import { createHourlyTally } from '../briefing/hourly-tally.ts'
import { newestFirst } from '../store/newest-first.ts'

declare module 'fastify' {
  interface FastifyInstance {
    briefing: BriefingService
  }
}

/** A first boot counts back this far (a weekly briefing and the week before it, and then some)… */
const FIRST_BOOT_MS = 56 * 86_400_000
/** …and never more events than this. */
const REPLAY_MAX = 500_000
const FLUSH_MS = 60_000

export default fp(
  async (fastify) => {
    const { district, store, bus, operationsDb, kpi, risk, cases, autoHotspots, log } = fastify
    const started = performance.now()
    const hourly = createHourlyTally(operationsDb)
    // What the table has not counted yet: everything after its cursor, or the last weeks on a first boot.
    const cursor = hourly.cursor.get()
    const oldest = new Date(Date.now() - FIRST_BOOT_MS).toISOString()
    let read = 0
    const lastSeq = store.lastSeq()
    for (const e of newestFirst(store, REPLAY_MAX)) {
      if (cursor !== undefined ? e.seq <= cursor : e.receivedAt < oldest) break
      hourly.add(e)
      read++
    }
    hourly.flush(lastSeq)
    log.info({ events: read, ms: Math.round(performance.now() - started) }, 'briefing counts ready')

    const unsubscribe = bus.subscribe((events) => {
      for (const e of events) hourly.add(e)
    })
    const flush = setInterval(() => {
      try {
        hourly.flush(store.lastSeq())
      } catch (err) {
        log.error({ err }, 'hourly event counts not written')
      }
    }, FLUSH_MS)
    flush.unref()

    const communities = new Map<string, BriefingCommunity>(district.communities.map((c) => {
      const [lng, lat] = labelPoint(c.geometry) ?? (centroid(c).geometry.coordinates as [number, number])
      const p = c.properties
      return [p.id, { id: p.id, name: p.name, streetId: p.parentId ?? '', location: { lng, lat } }]
    }))
    fastify.decorate('briefing', createBriefingService({
      district: { id: district.district.properties.id, name: district.district.properties.name },
      streets: district.streets.map((s) => ({ id: s.properties.id, name: s.properties.name })),
      communities,
      store,
      flush() {
        hourly.flush(store.lastSeq())
        autoHotspots.flushCounts()
      },
      hourly: (fromHour, toHour, street) => hourly.rows(fromHour, toHour, street),
      reportCounts: (fromDay, toDay) => autoHotspots.reportCounts(fromDay, toDay),
      kpiDays: (startDay, endDay, street) => kpi.days(startDay, endDay, street),
      warningsBetween: (q) => risk.warningsBetween(q),
      caseOfEvent: (id) => cases.caseOfEvent(id),
    }))
    fastify.addHook('preClose', async () => {
      clearInterval(flush)
      unsubscribe()
      hourly.flush(store.lastSeq())
    })
  },
  { name: 'briefing', dependencies: ['district', 'store', 'bus', 'operations-db', 'kpi', 'risk', 'cases', 'auto-hotspots'] },
)
