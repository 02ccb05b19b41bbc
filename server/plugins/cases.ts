/**
 * Cases (工单): the engine follows the stored events (a bus subscriber), so every committed event,
 * from whichever door, is considered once: it opens a case, joins one, or needs no handling. Cases live
 * in the operations database; at boot the open ones are indexed again, and events committed after the
 * last one considered (a crash between commit and case) are considered before anything new.
 */
import fp from 'fastify-plugin'
import type { StoredEvent } from '../../domain/event.ts'
import { createCaseEngine, type CaseEngine } from '../cases/case-engine.ts'
import { createCaseRepository } from '../cases/case-repository.ts'
import { readCaseRulesFile } from '../cases/case-rules-file.ts'

declare module 'fastify' {
  interface FastifyInstance {
    cases: CaseEngine
  }
}

const REPLAY_PAGE = 5000
/** Events considered per turn of the event loop. */
const CONSIDER_CHUNK = 500
/**
 * How long a trickle of events (single POSTs, a sensor at a time) waits to be considered together:
 * each `consider` is one transaction, and a thousand one-event transactions a second cost far more
 * than forty of twenty-five events. Well inside the 250 ms a cases frame waits anyway.
 */
const GATHER_MS = 25

export default fp(
  async (fastify) => {
    const { config, operationsDb, store, bus, log } = fastify
    const repo = createCaseRepository(operationsDb)
    const engine = createCaseEngine(repo, {
      windowMs: config.CASE_CORRELATION_WINDOW_MIN * 60_000,
      radiusM: config.CASE_CORRELATION_RADIUS_M,
      // A bad file stops the start here, naming the file and what is wrong with it.
      ...(config.CASE_RULES_FILE ? readCaseRulesFile(config.CASE_RULES_FILE) : {}),
    })

    // A first boot with cases starts from now: history before the engine existed opens nothing.
    const since = repo.lastSeq()
    if (since === undefined) {
      repo.transaction(() => repo.setLastSeq(store.lastSeq()))
    } else {
      let seq = since
      let replayed = 0
      for (;;) {
        const page = store.list({ sinceSeq: seq, limit: REPLAY_PAGE })
        if (page.length === 0) break
        engine.consider(page)
        replayed += page.length
        seq = page.at(-1)!.seq
      }
      if (replayed > 0) log.info({ events: replayed, fromSeq: since }, 'cases caught up with the event store')
    }
    log.info({ open: engine.openCount() }, 'open cases indexed')

    // Cases are worked out after the reply, a chunk at a time: a producer's acknowledgement and the
    // wall's frame never wait for correlation, and a 5,000-event batch does not hold the event loop
    // for its whole length. Nothing is lost by a crash meanwhile: the engine's last seq is stored with
    // each chunk, so events not yet considered are caught up from the store at the next boot.
    const pending: StoredEvent[] = []
    let scheduled = false
    let gathering: NodeJS.Timeout | undefined
    const considerChunk = () => {
      const chunk = pending.splice(0, CONSIDER_CHUNK)
      try {
        // Straight from the bus: just committed, so attached to nothing yet.
        engine.consider(chunk, { fresh: true })
      } catch (err) {
        // The transaction rolled back: these events stay outside cases, and the error says which ones.
        log.error({ err, events: chunk.length, fromSeq: chunk[0]?.seq }, 'cases not updated')
      }
    }
    const drain = () => {
      scheduled = false
      considerChunk()
      if (pending.length > 0) schedule()
    }
    const schedule = () => {
      scheduled = true
      setImmediate(drain)
    }
    const gathered = () => {
      gathering = undefined
      if (!scheduled && pending.length > 0) schedule()
    }
    const unsubscribe = bus.subscribe((events) => {
      for (const e of events) pending.push(e)
      if (scheduled) return
      // A full chunk goes at once; fewer wait a moment for company.
      if (pending.length >= CONSIDER_CHUNK) {
        clearTimeout(gathering)
        gathering = undefined
        schedule()
      } else {
        gathering ??= setTimeout(gathered, GATHER_MS)
      }
    })

    // SLA escalation: overdue cases move up one tier, and late summons are flagged, audited as the system's doing.
    const sweepMs = config.CASE_ESCALATION_SWEEP_S * 1000
    const sweep = sweepMs > 0
      ? setInterval(() => {
        try {
          const escalated = fastify.cases.escalateOverdue()
          if (escalated.length > 0) log.info({ cases: escalated.map((c) => c.id) }, 'overdue cases escalated')
          // Whistle summons past their 30 minutes with nobody on the scene are flagged late (报到超时).
          const late = fastify.cases.flagLateSummons()
          if (late.length > 0) log.info({ cases: late.map((c) => c.id) }, 'late whistle reports flagged')
        } catch (err) {
          log.error({ err }, 'SLA escalation sweep failed')
        }
      }, sweepMs)
      : undefined
    sweep?.unref()

    // Reads and actions first consider whatever is still waiting, so anyone who has a producer's
    // acknowledgement sees its events in their cases (and an action meets the case as it stands),
    // though the work itself happens after the reply.
    let catchingUp = false
    const caughtUp = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
      if (!catchingUp) {
        catchingUp = true
        try {
          while (pending.length > 0) considerChunk()
        } finally {
          catchingUp = false
        }
      }
      return fn(...args)
    }
    fastify.decorate('cases', {
      ...engine,
      act: caughtUp(engine.act),
      get: caughtUp(engine.get),
      list: caughtUp(engine.list),
      caseOfEvent: caughtUp(engine.caseOfEvent),
      detail: caughtUp(engine.detail),
      audit: caughtUp(engine.audit),
      escalateOverdue: caughtUp(engine.escalateOverdue),
      flagLateSummons: caughtUp(engine.flagLateSummons),
      openCount: caughtUp(engine.openCount),
      openCases: caughtUp(engine.openCases),
    } satisfies CaseEngine)
    fastify.addHook('preClose', async () => {
      clearInterval(sweep)
      clearTimeout(gathering)
      unsubscribe()
      // What was stored before the close is considered before the operations database closes.
      while (pending.length > 0) considerChunk()
    })
  },
  { name: 'cases', dependencies: ['config', 'operations-db', 'store', 'bus'] },
)
