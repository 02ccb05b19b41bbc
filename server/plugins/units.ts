/**
 * Units (处置力量): the roster in the operations database, generated from the district hierarchy at
 * the first boot (and kept, with statuses and positions, across restarts), and the unit engine.
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
    // The roster, once: later boots keep what is there (statuses, positions). A district that has no
    // roster of its own still needs units to dispatch, so production generates one too.
    if (repo.count() === 0) {
      const started = performance.now()
      const units = generateUnits(district, config.GRIDWATCH_SEED, new Date().toISOString())
      repo.transaction(() => {
        for (const unit of units) repo.save({ unit, dispatchedFrom: null, fixAt: null })
      })
      log.info({ ms: Math.round(performance.now() - started), units: units.length }, 'unit roster generated')
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
