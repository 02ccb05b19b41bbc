/**
 * Starts the process: configuration, logger, listen, a banner for people, graceful close on
 * SIGINT/SIGTERM (in-flight writes drain before the store closes).
 */
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { DEMO_PASSWORD } from './auth/user-directory.ts'
import { DEMO_PRODUCER_KEY } from './auth/producer-keys.ts'

function banner(url: string, app: Awaited<ReturnType<typeof buildApp>>): string {
  const { config } = app
  const lines = [
    '',
    `  网格哨 Gridwatch is running at ${url}`,
    `    wall:      ${url}/wall`,
    `    post:      ${url}/post (a street's command post; street users land there)`,
    `    briefing:  ${url}/briefing (the leaders' daily and weekly briefing; the leader lands there)`,
    `    replay:    ${url}/replay (the last 24 hours played back on the map)`,
    `    API docs:  ${url}/docs`,
    `    data:      ${config.DATA_DIR} (SQLite, last seq ${app.store.lastSeq()})`,
    `    district:  ${districtLine(app)}`,
  ]
  if (config.GRIDWATCH_MODE === 'demo') {
    const streets = app.users.list().filter((u) => u.role === 'street').map((u) => u.username)
    lines.push(
      '',
      `  Demo mode. Users (password "${DEMO_PASSWORD}"): district, leader, wall,`,
      `    ${streets.slice(0, 3).join(', ')}, … ${streets.at(-1)} (${streets.length} street users)`,
      `  Producer key (X-Api-Key): ${DEMO_PRODUCER_KEY}`,
      `  Simulation: ${config.SIMULATION === 'on' ? `on, about ${config.SIMULATION_RATE} events a minute (SIMULATION=off to stop it)` : 'off'}`,
    )
    if (config.SIMULATION === 'on') {
      lines.push(`  Crews: ${config.SIMULATION_CREWS === 'on' ? 'on, simulated street posts and units work the cases (SIMULATION_CREWS=off leaves them to you)' : 'off'}`)
    }
  } else {
    // What the district gave it, so whoever starts it sees at once what is missing.
    const units = app.units.list().length
    const cameras = app.cameras.list().length
    lines.push(
      '',
      `  Production. ${app.users.list().length} users (USERS_FILE); ${app.sensors.registry.size()} sensors registered`,
      `    units:     ${units} ${config.UNITS_FILE ? '(UNITS_FILE)' : '(no UNITS_FILE: nobody can be dispatched)'}`,
      `    cameras:   ${cameras} ${config.CAMERAS_FILE ? '(CAMERAS_FILE)' : '(no CAMERAS_FILE: every detection is refused)'}`,
    )
  }
  return `${lines.join('\n')}\n`
}

async function main() {
  let config
  let app
  try {
    config = loadConfig(process.env)
    // Plugins check what only they can read (a corrupt basemap archive, an unreadable hierarchy file).
    app = await buildApp(config)
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`gridwatch: ${err.message}\n`)
      process.exit(2)
    }
    throw err
  }
  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => process.exit(1), 10_000).unref()
    await app.close()
    clearTimeout(timer)
    process.exit(0)
  }
  process.on('SIGINT', () => void close('SIGINT'))
  process.on('SIGTERM', () => void close('SIGTERM'))

  await app.listen({ port: config.PORT, host: config.HOST })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.PORT
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST
  process.stdout.write(banner(`http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`, app))
}

await main()

function districtLine(app: Awaited<ReturnType<typeof buildApp>>): string {
  const h = app.district
  const tiers = `${h.streets.length} streets, ${h.communities.length} communities, ${h.grids.length} grids, ${h.microgrids.length} micro-grids`
  const from = { imported: 'imported (npm run geo:import)', cached: 'generated from GRIDWATCH_SEED, cached', generated: 'generated from GRIDWATCH_SEED' }[app.districtOrigin]
  return `${h.district.properties.name} ${h.district.properties.id}, ${tiers}; ${from}`
}
