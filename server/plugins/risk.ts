/**
 * Risk by grid (DESIGN §2.4, domain/risk.ts): `fastify.risk` scores every node of the hierarchy from
 * the events of the last few half-lives, the active sensor alarms and the sites' vulnerability, every
 * RISK_INTERVAL_S, and streams what changed as `risk` frames to each room's scope, with the early
 * warnings just raised. Each socket gets a full frame as it connects.
 */
import fp from 'fastify-plugin'
import type { RiskFrame } from '../../domain/risk.ts'
import { riskThresholds } from '../config.ts'
import { riskTree } from '../risk/risk-scores.ts'
import { createRiskService, type RiskChanges, type RiskService } from '../risk/risk-service.ts'
import { createRiskWarnings } from '../risk/risk-warnings.ts'
import { createRiskBaseline } from '../risk/risk-baseline.ts'
import { vulnerabilityByMicrogrid } from '../risk/vulnerability.ts'
import { newestFirst } from '../store/newest-first.ts'
import { DISTRICT_ROOM, roomOccupied, streetFilter, streetRoom } from '../realtime/rooms.ts'

declare module 'fastify' {
  interface FastifyInstance {
    risk: RiskService
  }
}

/** The boot reads back a week (the forecast's longer rate), or five half-lives of the load if longer. */
const REPLAY_MIN_MS = 7 * 24 * 3_600_000
const REPLAY_HALF_LIVES = 5
/** The boot reads at most this many events back, however busy the last hours were. */
const REPLAY_MAX = 500_000

export default fp(
  async (fastify) => {
    const { config, district, sites, locator, store, bus, sensors, operationsDb, io, log } = fastify
    const started = performance.now()
    const tree = riskTree(district)
    // A grid's own name (第3网格) repeats in every community: warnings name the street and community too.
    const nameOf = new Map([...district.streets, ...district.communities].map((f) => [f.properties.id, f.properties.name]))
    const names = new Map(district.grids.map((g) => {
      const community = g.properties.parentId ?? ''
      const street = tree.streetOf.get(community) ?? ''
      return [g.properties.id, [nameOf.get(street), nameOf.get(community), g.properties.name].filter(Boolean).join(' · ')]
    }))
    const halfLifeMs = config.RISK_HALF_LIFE_H * 3_600_000
    // An alarm stays where it was raised: located once while it is open (the map holds only the open
    // ones, so it does not grow with every alarm ever raised). Acknowledged alarms count: the danger is
    // still there.
    let alarmPlace = new Map<string, string | null>()
    const risk = createRiskService({
      tree,
      vulnerability: vulnerabilityByMicrogrid(sites),
      thresholds: riskThresholds(config),
      halfLifeMs,
      baseline: createRiskBaseline(operationsDb),
      warnings: createRiskWarnings(operationsDb, {
        cooldownMs: config.RISK_WARNING_COOLDOWN_H * 3_600_000,
        nameOf: (id) => names.get(id) ?? id,
        streetOf: (id) => tree.streetOf.get(id) ?? '',
      }),
      activeAlarms: () => {
        const out = new Map<string, string[]>()
        const placed = new Map<string, string | null>()
        for (const a of sensors.alarms.list({ limit: 100_000 })) {
          let place = alarmPlace.get(a.id)
          if (place === undefined) place = locator.locate(a.location.lng, a.location.lat).path.microgrid
          placed.set(a.id, place)
          if (!place) continue
          const list = out.get(place) ?? []
          list.push(a.type)
          out.set(place, list)
        }
        alarmPlace = placed
        return out
      },
    })

    // The recent past, newest first, until the events weigh next to nothing.
    const oldest = new Date(Date.now() - Math.max(REPLAY_MIN_MS, REPLAY_HALF_LIVES * halfLifeMs)).toISOString()
    let replayed = 0
    for (const e of newestFirst(store, REPLAY_MAX)) {
      if (e.receivedAt < oldest) break
      risk.consume([e])
      replayed++
    }
    risk.refresh()
    log.info({ events: replayed, ms: Math.round(performance.now() - started) }, 'risk scores ready')

    const unsubscribe = bus.subscribe((events) => risk.consume(events))

    const frame = (changes: RiskChanges, full: boolean, street?: string): RiskFrame => ({
      seq: store.lastSeq(),
      at: risk.at(),
      full,
      thresholds: risk.thresholds,
      nodes: street ? changes.nodes.filter((n) => n.level !== 'district' && risk.streetOf(n.id) === street) : changes.nodes,
      warnings: street ? changes.warnings.filter((w) => w.streetId === street) : changes.warnings,
    })
    const tick = setInterval(() => {
      try {
        const changes = risk.refresh()
        if (changes.nodes.length === 0 && changes.warnings.length === 0) return
        if (roomOccupied(io, DISTRICT_ROOM)) io.to(DISTRICT_ROOM).emit('risk', frame(changes, false))
        for (const s of district.streets) {
          const street = s.properties.id
          if (roomOccupied(io, streetRoom(street))) io.to(streetRoom(street)).emit('risk', frame(changes, false, street))
        }
      } catch (err) {
        log.error({ err }, 'risk not refreshed')
      }
    }, config.RISK_INTERVAL_S * 1000)
    tick.unref()

    io.on('connection', (socket) => {
      const street = streetFilter(socket.data.user.scope)
      socket.emit('risk', frame({ nodes: risk.nodes(street), warnings: risk.warnings(20, street) }, true, street))
    })

    fastify.decorate('risk', risk)
    fastify.addHook('preClose', async () => {
      clearInterval(tick)
      unsubscribe()
    })
  },
  { name: 'risk', dependencies: ['config', 'district', 'sites', 'store', 'bus', 'sensors', 'operations-db', 'realtime'] },
)
