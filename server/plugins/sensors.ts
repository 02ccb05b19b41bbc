/**
 * IoT sensors (物联感知): the registry and alarms in the operations database, liveness from
 * heartbeats, and the pipeline step that checks every sensor item against the registry. Messages from
 * the HTTP door and MQTT both come through `fastify.sensors.ingestMessages`.
 *
 * Alarms follow the stored events (a bus subscriber), not the requests: an alarm is opened or repeated
 * only by an event that was committed, from whichever door, and a re-sent duplicate counts once.
 * Since the event log holds everything they follow from, their writes do not wait for the disk (see
 * `store/replayable.ts`): the last seq applied is kept with them, and a boot applies what came after.
 */
import fp from 'fastify-plugin'
import { randomBytes } from 'node:crypto'
import { MAX_BATCH, type StoredEvent } from '../../domain/event.ts'
import type { SensorEntry, SensorMessage, SensorType, SensorView } from '../../domain/sensors.ts'
import type { ItemError } from '../../domain/validate-ingest.ts'
import { httpError, type HttpError } from '../http-error.ts'
import type { AppendResult } from '../store/event-store.ts'
import { followerCursor, replayableTransaction } from '../store/replayable.ts'
import { raiseAlarm, recordNormal } from '../sensors/alarm-lifecycle.ts'
import { createAlarmRepository, type AlarmRepository } from '../sensors/alarm-repository.ts'
import { generateSensors } from '../sensors/generate-sensors.ts'
import { createLiveness } from '../sensors/liveness.ts'
import { createSensorStep, messageToItem, type EventState } from '../sensors/sensor-items.ts'
import { createSensorRegistry, type SensorRegistry } from '../sensors/sensor-registry.ts'
import { rememberSensors } from '../sensors/sensors-for-district.ts'

export interface SensorService {
  registry: SensorRegistry
  alarms: AlarmRepository
  /** The entry with `lastSeenAt` and `online`. */
  view(entry: SensorEntry): SensorView
  /**
   * Checks a batch of messages (unknown sensors refuse it whole, naming each index), stores the
   * non-heartbeat ones as events and, once committed, records every sensor as heard from.
   */
  ingestMessages(messages: readonly SensorMessage[]): Promise<{ results: AppendResult[]; heartbeats: number }>
}

declare module 'fastify' {
  interface FastifyInstance {
    sensors: SensorService
  }
}

/** How long published sensor events wait to be applied to the alarms together, ms. */
const ALARM_GATHER_MS = 25

const newAlarmId = () => `AL-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`

export default fp(
  async (fastify) => {
    const { config, operationsDb, pipeline, bus, store, log } = fastify
    const registry = createSensorRegistry(operationsDb)
    const alarms = createAlarmRepository(operationsDb)

    // The demo registry, once: later boots keep what is there, edits included. Production starts empty.
    if (registry.size() === 0 && config.GRIDWATCH_MODE === 'demo') {
      const started = performance.now()
      registry.insert(generateSensors(fastify.sites, { seed: config.GRIDWATCH_SEED, locator: fastify.locator }))
      log.info({ ms: Math.round(performance.now() - started), sensors: registry.size() }, 'demo sensor registry generated')
    }
    // The in-process simulation posts for these sensors (edits included) rather than regenerating them.
    if (config.GRIDWATCH_MODE === 'demo') rememberSensors(fastify.district, config.GRIDWATCH_SEED, registry.list({ limit: Number.MAX_SAFE_INTEGER }))

    const intervalMs = config.SENSOR_HEARTBEAT_INTERVAL_S * 1000
    const offlineAfterMs = intervalMs * config.SENSOR_OFFLINE_AFTER_BEATS
    const liveness = createLiveness(offlineAfterMs)
    const bootMs = Date.now()
    for (const row of registry.loadSeen()) liveness.load(row.id, row, bootMs)

    // Alarms are worked out from the stored sensor events a moment after they are published: a trickle
    // of single messages made one transaction each (about a tenth of the main thread under single
    // POSTs), where forty a second do. Anything that reads or writes alarms first applies what is
    // waiting, so nobody sees an alarm behind its acknowledged event; the sensor step only needs the
    // open alarm's id, which a waiting alarm event already names (see `openAlarmId` below).
    const waiting: StoredEvent[] = []
    /** `sensorId\0type` → the alarm id a waiting alarm event carries: the alarm that will be open once it is applied. */
    const waitingOpen = new Map<string, string>()
    let gathering: NodeJS.Timeout | undefined
    const applyWaiting = () => {
      clearTimeout(gathering)
      gathering = undefined
      if (waiting.length === 0) return
      const events = waiting.splice(0)
      waitingOpen.clear()
      try {
        apply(events, true)
      } catch (err) {
        log.error({ err, events: events.length }, 'sensor alarms not updated')
      }
    }
    const caughtUp = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
      applyWaiting()
      return fn(...args)
    }
    const alarmsNow: AlarmRepository = {
      get: caughtUp(alarms.get),
      findOpen: caughtUp(alarms.findOpen),
      save: caughtUp(alarms.save),
      list: caughtUp(alarms.list),
    }

    pipeline.addSourceStep('sensor', createSensorStep({
      getSensor: (id) => registry.get(id),
      // Without applying what waits: an operator's acknowledgement or clear (the only other change to
      // an alarm) applies it first, so the database and the waiting events together say what is open.
      openAlarmId: (sensorId, type) => waitingOpen.get(`${sensorId}\0${type}`) ?? alarms.findOpen(sensorId, type)?.id,
      newAlarmId,
    }))

    // Offline and back-online events, derived here and stored through the same pipeline.
    const derived: ReturnType<typeof messageToItem>[] = []
    let draining: Promise<void> | null = null
    let closing = false
    const derive = (sensor: SensorEntry, state: EventState, atMs: number) => {
      if (closing) return
      derived.push(messageToItem({ state, at: new Date(atMs).toISOString() }, sensor))
      draining ??= drain()
    }
    async function drain(): Promise<void> {
      await new Promise((r) => setImmediate(r))
      while (derived.length > 0 && !closing) {
        const batch = derived.splice(0, MAX_BATCH)
        try {
          await pipeline.ingest(batch)
        } catch (err) {
          log.error({ err, events: batch.length }, 'sensor liveness events not stored')
        }
      }
      draining = null
    }

    const markSeen = (id: string, nowMs: number) => {
      if (liveness.seen(id, nowMs)) {
        const sensor = registry.get(id)
        if (sensor) derive(sensor, 'online', nowMs)
      }
    }

    /** `live`: straight from the bus, so the sensors were heard from now (not when replayed at boot). */
    const applyEvents = (events: readonly StoredEvent[], live: boolean) => {
      const nowMs = Date.now()
      for (const e of events) {
        if (e.source !== 'sensor') continue
        const sensorId = String(e.attrs['sensorId'])
        const state = e.attrs['state']
        if (state === 'alarm') {
          const open = alarms.findOpen(sensorId, e.category) ?? null
          let id = typeof e.attrs['alarmId'] === 'string' ? e.attrs['alarmId'] : newAlarmId()
          // The alarm the step named was cleared in the meantime: this is a new one.
          if (!open && alarms.get(id)) id = newAlarmId()
          alarms.save(raiseAlarm(open, {
            newId: id, sensorId, type: e.category as SensorType, eventId: e.id, at: e.occurredAt, street: e.path.street, location: e.location,
            buildingId: typeof e.attrs['buildingId'] === 'string' ? e.attrs['buildingId'] : null,
            siteId: typeof e.attrs['siteId'] === 'string' ? e.attrs['siteId'] : null,
          }))
        } else if (state === 'normal') {
          const updated = recordNormal(alarms.findOpen(sensorId, e.category) ?? null, e.occurredAt)
          if (updated) alarms.save(updated)
        }
        if (live && state !== 'offline' && state !== 'online') markSeen(sensorId, nowMs)
      }
    }
    const cursor = followerCursor(operationsDb, 'sensor-alarms')
    const apply = (events: readonly StoredEvent[], live: boolean) => replayableTransaction(operationsDb, () => {
      applyEvents(events, live)
      cursor.set(events.reduce((max, e) => Math.max(max, e.seq), cursor.get() ?? 0))
    })
    // A first boot with this cursor starts from now: alarms before it were written durably. Later
    // boots apply the sensor events a crash kept from the alarms.
    const since = cursor.get()
    if (since === undefined) {
      replayableTransaction(operationsDb, () => cursor.set(store.lastSeq()))
    } else {
      let replayed = 0
      for (let seq = since; ;) {
        const page = store.list({ sinceSeq: seq, source: 'sensor', limit: MAX_BATCH })
        if (page.length === 0) break
        apply(page, false)
        replayed += page.length
        seq = page.at(-1)!.seq
      }
      if (replayed > 0) log.info({ events: replayed, fromSeq: since }, 'sensor alarms caught up with the event store')
    }
    bus.subscribe((events) => {
      for (const e of events) {
        if (e.source !== 'sensor') continue
        waiting.push(e)
        const alarmId = e.attrs['alarmId']
        if (e.attrs['state'] === 'alarm' && typeof alarmId === 'string') waitingOpen.set(`${String(e.attrs['sensorId'])}\0${e.category}`, alarmId)
      }
      if (waiting.length > 0) gathering ??= setTimeout(applyWaiting, ALARM_GATHER_MS)
    })

    const sweep = setInterval(() => {
      for (const { id, lastSeenMs } of liveness.sweep(Date.now())) {
        const sensor = registry.get(id)
        if (sensor) derive(sensor, 'offline', lastSeenMs + offlineAfterMs)
      }
    }, Math.max(20, Math.min(intervalMs / 2, 30_000)))
    sweep.unref()
    const flushSeen = () => {
      const dirty = liveness.drainDirty()
      if (dirty.length > 0) registry.saveSeen(dirty)
    }
    const flush = setInterval(flushSeen, Math.max(200, Math.min(intervalMs, 10_000)))
    flush.unref()

    async function ingestMessages(messages: readonly SensorMessage[]) {
      const errors: ItemError[] = []
      const items: ReturnType<typeof messageToItem>[] = []
      const itemIndex: number[] = []
      messages.forEach((m, i) => {
        const sensor = registry.get(m.sensorId)
        if (!sensor) {
          errors.push({ index: i, path: '/sensorId', message: `unknown sensor ${JSON.stringify(m.sensorId)}; add it to the registry first (POST /api/v1/sensors)` })
        } else if (m.state !== 'heartbeat') {
          items.push(messageToItem({ ...m, state: m.state }, sensor))
          itemIndex.push(i)
        }
      })
      if (errors.length > 0) {
        fastify.metrics.ingestRejected.inc()
        throw httpError(400, `${errors.length} of ${messages.length} messages are invalid; nothing was stored`, errors)
      }
      let results: AppendResult[] = []
      if (items.length > 0) {
        try {
          results = await pipeline.ingest(items)
        } catch (err) {
          // The pipeline names indexes in the items it was given; the caller sent messages.
          const e = err as HttpError
          if (e.statusCode === 400 && Array.isArray(e.details)) {
            e.details = (e.details as ItemError[]).map((d) => ({ ...d, index: itemIndex[d.index] ?? d.index }))
          }
          throw err
        }
      }
      const nowMs = Date.now()
      for (const m of messages) markSeen(m.sensorId, nowMs)
      return { results, heartbeats: messages.length - items.length }
    }

    const view = (entry: SensorEntry): SensorView => {
      const s = liveness.get(entry.id)
      return { ...entry, lastSeenAt: s ? new Date(s.lastSeenMs).toISOString() : null, online: s ? !s.offline : false }
    }

    fastify.decorate('sensors', { registry, alarms: alarmsNow, view, ingestMessages })

    // Before the store closes: derived events in flight settle, and last-seen times are kept.
    fastify.addHook('preClose', async () => {
      closing = true
      clearInterval(sweep)
      clearInterval(flush)
      await draining
      applyWaiting()
      flushSeen()
    })
    // Requests still finishing after preClose may have been heard from; the database closes after this.
    fastify.addHook('onClose', async () => {
      applyWaiting()
      try {
        flushSeen()
      } catch (err) {
        log.warn({ err }, 'sensor last-seen times not flushed')
      }
    })
  },
  { name: 'sensors', dependencies: ['config', 'operations-db', 'store', 'pipeline', 'bus', 'sites', 'district', 'metrics'] },
)
