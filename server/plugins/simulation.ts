/**
 * Demo mode's built-in simulation. It acts as a real producer: once the server listens, it posts
 * events to this server's own public HTTP API with the demo producer key, and its crews work the
 * cases through the same API as the street command posts' demo users.
 */
import fp from 'fastify-plugin'
import { DEMO_PRODUCER_KEY } from '../auth/producer-keys.ts'
import { DEMO_PASSWORD } from '../auth/user-directory.ts'
import { startCrews } from '../../simulations/crews/run-crews.ts'
import { SCENARIOS, startLiveSimulation } from '../../simulations/index.ts'
import { ConfigError } from '../config.ts'

export default fp(
  async (fastify) => {
    const { config } = fastify
    // A misspelt drill stops the start even with the simulation off, rather than surprising a later demo.
    const drills = config.SIMULATION_DRILLS === 'off' ? [] : config.SIMULATION_DRILLS.split(',')
    const unknown = drills.filter((name) => !SCENARIOS[name] || name === 'normal-day')
    if (unknown.length > 0) {
      const known = Object.keys(SCENARIOS).filter((n) => n !== 'normal-day').join(', ')
      throw new ConfigError(`SIMULATION_DRILLS: no drill named ${unknown.join(', ')}; drills are ${known}, or off`)
    }

    if (config.GRIDWATCH_MODE !== 'demo' || config.SIMULATION !== 'on') return
    let stop: (() => Promise<void>) | undefined
    let stopCrews: (() => Promise<void>) | undefined
    fastify.addHook('onListen', async () => {
      const address = fastify.server.address()
      if (!address || typeof address === 'string') return
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
      const target = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`
      stop = startLiveSimulation({
        target,
        apiKey: DEMO_PRODUCER_KEY,
        seed: config.GRIDWATCH_SEED,
        ratePerMinute: config.SIMULATION_RATE,
        district: fastify.district,
        log: fastify.log.child({ module: 'simulation' }),
        ...(drills.length > 0 ? { drills: { everyMin: config.SIMULATION_DRILL_EVERY_MIN, scenarios: drills } } : {}),
      })
      if (config.SIMULATION_CREWS === 'on') {
        stopCrews = startCrews({
          target, apiKey: DEMO_PRODUCER_KEY, password: DEMO_PASSWORD, seed: config.GRIDWATCH_SEED,
          log: fastify.log.child({ module: 'crews' }),
        })
      }
    })
    // Before the HTTP server stops, so the simulation's last request is not refused mid-flight.
    fastify.addHook('preClose', async () => {
      await Promise.all([stop?.(), stopCrews?.()])
    })
  },
  { name: 'simulation', dependencies: ['config', 'district'] },
)
