/**
 * Automatic hotspots (高频事件, DESIGN §2.4; domain/hotspots.ts): `fastify.autoHotspots` follows the
 * people's reports (12345 and grid workers) of the last HOTSPOT_AUTO_WINDOW_H hours and each
 * community's daily counts by category, finds the hotspots every HOTSPOT_AUTO_INTERVAL_S, and remembers
 * which were sent to a department as a topic case (`hotspot_cases`, operations database).
 */
import fp from 'fastify-plugin'
import { area, centroid } from '@turf/turf'
import type { AutoHotspot } from '../../domain/hotspots.ts'
import { labelPoint } from '../../geo/label-point.ts'
import { createCategoryDaily } from '../hotspots/category-daily.ts'
import { createAutoHotspotFinder, DEFAULT_AUTO_HOTSPOT_SETTINGS, type Community } from '../hotspots/auto-hotspots.ts'
import { ReportWindow, toReport } from '../hotspots/report-window.ts'
import { newestFirst } from '../store/newest-first.ts'

export interface AutoHotspotService {
  /** Oldest first, in a street or the whole district. */
  active(street?: string): AutoHotspot[]
  get(id: string): AutoHotspot | undefined
  /** The topic case any hotspot (of any type) was sent as, or null. */
  caseOf(hotspotId: string): string | null
  /** Inside the topic case's transaction: notes that the hotspot was sent as it. */
  recordCase(hotspotId: string, caseId: string, actor: string, at: string): void
  /** People's reports by community and `source:category` over Beijing days `fromDay`…`toDay`, as last flushed. */
  reportCounts(fromDay: number, toDay: number): Array<{ community: string; key: string; n: number }>
  /** Writes the daily counts counted since the last flush, so `reportCounts` reads up to now. */
  flushCounts(): void
}

declare module 'fastify' {
  interface FastifyInstance {
    autoHotspots: AutoHotspotService
  }
}

const REPLAY_MAX = 500_000
const FLUSH_MS = 60_000

export default fp(
  async (fastify) => {
    const { config, district, store, bus, operationsDb: db, log } = fastify
    const started = performance.now()
    const windowMs = config.HOTSPOT_AUTO_WINDOW_H * 3_600_000
    db.exec('CREATE TABLE IF NOT EXISTS hotspot_cases (hotspot_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL)')
    const caseStmt = db.prepare<[string], string>('SELECT case_id FROM hotspot_cases WHERE hotspot_id = ?').pluck()
    const recordStmt = db.prepare('INSERT INTO hotspot_cases (hotspot_id, case_id, actor, at) VALUES (?, ?, ?, ?)')
    const caseOf = (id: string) => caseStmt.get(id) ?? null

    const communities = new Map<string, Community>(district.communities.map((c) => {
      const [lng, lat] = labelPoint(c.geometry) ?? (centroid(c).geometry.coordinates as [number, number])
      const p = c.properties
      return [p.id, {
        id: p.id, name: p.name, location: { lng, lat },
        path: { district: district.district.properties.id, street: p.parentId, community: p.id, grid: null, microgrid: null },
      }]
    }))
    const window = new ReportWindow(windowMs)
    const daily = createCategoryDaily(db)
    const finder = createAutoHotspotFinder({
      communities, baseline: daily, caseOf,
      settings: { ...DEFAULT_AUTO_HOTSPOT_SETTINGS, windowMs, minCount: config.HOTSPOT_AUTO_MIN_REPORTS, districtAreaM2: area(district.district) },
    })

    // Back through the store: the window's reports, and what the daily counts have not counted yet (all
    // of the baseline's days on a first boot, so a district with history has its baseline at once).
    const cursor = daily.cursor.get()
    const now = Date.now()
    const windowStart = new Date(now - windowMs).toISOString()
    const countFrom = cursor === undefined ? new Date(now - 29 * 86_400_000).toISOString() : undefined
    let read = 0
    const lastSeq = store.lastSeq()
    for (const e of newestFirst(store, REPLAY_MAX)) {
      const inWindow = e.receivedAt >= windowStart
      const uncounted = countFrom !== undefined ? e.receivedAt >= countFrom : e.seq > (cursor as number)
      if (!inWindow && !uncounted) break
      read++
      const r = toReport(e)
      if (!r) continue
      if (inWindow) window.add(r)
      if (uncounted) daily.add(r)
    }
    daily.flush(lastSeq)
    finder.refresh(window.current(now), now)
    log.info({ events: read, ms: Math.round(performance.now() - started), active: finder.active().length }, 'automatic hotspots ready')

    const unsubscribe = bus.subscribe((events) => {
      for (const e of events) {
        const r = toReport(e)
        if (!r) continue
        window.add(r)
        daily.add(r)
      }
    })
    const refresh = setInterval(() => {
      try {
        const at = Date.now()
        for (const h of finder.refresh(window.current(at), at)) {
          log.info({ hotspot: h.id, type: h.type, category: `${h.source}:${h.category}`, count: h.count, street: h.path.street }, 'hotspot found')
        }
      } catch (err) {
        log.error({ err }, 'automatic hotspots not refreshed')
      }
    }, config.HOTSPOT_AUTO_INTERVAL_S * 1000)
    refresh.unref()
    const flush = setInterval(() => {
      try {
        daily.flush(store.lastSeq())
      } catch (err) {
        log.error({ err }, 'daily category counts not written')
      }
    }, FLUSH_MS)
    flush.unref()

    fastify.decorate('autoHotspots', {
      active: (street) => finder.active(street),
      get: (id) => finder.get(id),
      caseOf,
      recordCase(hotspotId, caseId, actor, at) {
        // A community's frequency hotspot and a cluster inside it can be one problem seen twice: any
        // active hotspot of the same category sharing a report is sent with it, not left to be sent again.
        const sent = finder.get(hotspotId)
        const reports = new Set(sent?.eventIds)
        const same = sent ? finder.active().filter((h) => h.id !== hotspotId && h.caseId === null && h.source === sent.source &&
          h.category === sent.category && h.eventIds.some((id) => reports.has(id))) : []
        for (const id of [hotspotId, ...same.map((h) => h.id)]) {
          recordStmt.run(id, caseId, actor, at)
          finder.setCase(id, caseId)
        }
      },
      reportCounts: (fromDay, toDay) => daily.totals(fromDay, toDay),
      flushCounts: () => daily.flush(store.lastSeq()),
    })
    fastify.addHook('preClose', async () => {
      clearInterval(refresh)
      clearInterval(flush)
      unsubscribe()
      daily.flush(store.lastSeq())
    })
  },
  { name: 'auto-hotspots', dependencies: ['config', 'district', 'store', 'bus', 'operations-db'] },
)
