/**
 * Units (处置力量): the roster in the operations database, and the unit engine. In production the
 * roster is the district's own (`UNITS_FILE`, applied at every boot); the demo generates one from the
 * hierarchy at its first boot. Either way statuses and positions are kept across restarts.
 *
 * It depends on `cases` and links itself into the case engine (`cases.linkUnits`), rather than the
 * other way round or through `cases.onChange`: a dispatch must check the unit and move it in the
 * case's own transaction (a unit is on one case at most), and the engine needs only a small port for
 * that. What a unit's move means for its case goes back through `cases.act`, as `unit:<id>`.
 */
import fp from 'fastify-plugin'
import { createUnitEngine, type UnitEngine } from '../units/unit-engine.ts'
import { createUnitRepository } from '../units/unit-repository.ts'
import { generateUnits } from '../units/generate-units.ts'
import { syncRoster } from '../units/roster-sync.ts'
import { loadUnitsFile } from '../units/units-file.ts'

declare module 'fastify' {
  interface FastifyInstance {
    units: UnitEngine
  }
}

/** How often cleared units are looked at to become available again. */
const RELEASE_SWEEP_MS = 15_000

export default fp(
  async (fastify) => {
    const { config, operationsDb, district, cases, log } = fastify
    const repo = createUnitRepository(operationsDb)
    if (config.UNITS_FILE) {
      // The district's own roster, applied at every boot: a changed file changes the roster.
      const entries = loadUnitsFile(config.UNITS_FILE, district)
      const sync = repo.transaction(() => syncRoster(repo, entries, new Date().toISOString()))
      log.info({ file: config.UNITS_FILE, units: entries.length, ...sync, kept: sync.kept.length }, 'unit roster loaded')
      if (sync.kept.length > 0) log.warn({ units: sync.kept }, 'units no longer in UNITS_FILE are still on a case; they stay until a later boot finds them free')
    } else if (repo.count() === 0 && config.GRIDWATCH_MODE === 'demo') {
      // The demo's roster, once: later boots keep what is there (statuses, positions).
      const started = performance.now()
      const units = generateUnits(district, config.GRIDWATCH_SEED, new Date().toISOString())
      repo.transaction(() => {
        for (const unit of units) repo.save({ unit, dispatchedFrom: null, fixAt: null })
      })
      log.info({ ms: Math.round(performance.now() - started), units: units.length }, 'unit roster generated')
    } else if (repo.count() === 0) {
      // Production never makes people up: without the district's roster there is no one to dispatch.
      log.warn('no UNITS_FILE: the roster is empty, so cases can be handled but no unit can be dispatched (see README, "Production")')
    }
    const engine = createUnitEngine(repo, {
      cases,
      clearedForMs: config.UNIT_CLEARED_FOR_MIN * 60_000,
      onError: (err, context) => log.error({ err, ...context }, 'a unit’s follow-up on its case failed'),
    })
    cases.linkUnits(engine.caseLink)

    const sweep = setInterval(() => {
      try {
        engine.releaseCleared()
      } catch (err) {
        log.error({ err }, 'releasing cleared units failed')
      }
    }, RELEASE_SWEEP_MS)
    sweep.unref()

    fastify.decorate('units', engine)
    fastify.addHook('preClose', async () => clearInterval(sweep))
  },
  { name: 'units', dependencies: ['config', 'operations-db', 'district', 'cases'] },
)
