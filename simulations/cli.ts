/**
 * `npm run simulate -- [--scenario normal-day] [--speed 60|max] [--target URL] [--key KEY] [--seed S]
 *                      [--rate-multiplier K] [--rate N/s] [--count N] [--batch N] [--start ISO] [--run-id ID]
 *                      [--heartbeats SHARE] [--dry-run] [--list]`
 *      `npm run simulate -- --load [--target URL] [--seconds N] [--rate N/s] [--batch 5000] [--connections K]`
 *      `npm run simulate -- --crews [--target URL] [--key KEY] [--password demo] [--speed N]`
 * Plays a scenario against any Gridwatch server through its public producer doors, with a progress
 * line on stderr and a summary at the end. `--dry-run` prints the events (JSON lines) instead.
 */
import { parseArgs } from 'node:util'
import { generateDistrict } from '../geo/index.ts'
import { expandScenario } from './expand-scenario.ts'
import { createHttpProducer } from './http-producer.ts'
import { playScenario, type PlayProgress } from './play-scenario.ts'
import { SCENARIOS } from './scenarios/index.ts'
import { createSimClock, parseSpeed } from './sim-clock.ts'
import { createSimWorld } from './sim-world.ts'

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'normal-day' },
    target: { type: 'string', default: 'http://localhost:3000' },
    key: { type: 'string', default: 'demo-producer-key' },
    seed: { type: 'string', default: 'chenghua-510108' },
    speed: { type: 'string', default: '1' },
    'rate-multiplier': { type: 'string', default: '1' },
    /** normal-day's rate in events per simulated second (the old CLI's --rate). */
    rate: { type: 'string' },
    /** At most this many events; an open-ended scenario (normal-day) stops at 200 unless told. */
    count: { type: 'string' },
    /** normal-day: the share of the 25,620 sensors that send heartbeats (default all: 1; 0 = none). */
    heartbeats: { type: 'string' },
    /** A request's size at most: 500 for scenarios, 5000 in load mode. */
    batch: { type: 'string' },
    /** Load mode: offer `--rate` (default 20000) events/s for `--seconds` in batches to /api/v1/events. */
    load: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    /** Crews mode: the street command posts and units work the open cases until Ctrl-C (needs the demo users). */
    crews: { type: 'boolean', default: false },
    password: { type: 'string', default: 'demo' },
    start: { type: 'string' },
    'run-id': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
})

const fail = (msg: string): never => {
  process.stderr.write(`${msg}\n`)
  process.exit(2)
}

if (values.list) {
  for (const s of Object.values(SCENARIOS)) process.stdout.write(`${s.name.padEnd(16)} ${s.title}\n${' '.repeat(17)}${s.summary}\n`)
  process.exit(0)
}
if (values.load) {
  const { loadCommand } = await import('./load-command.ts')
  process.exit(await loadCommand(values))
}
if (values.crews) {
  const { startCrews } = await import('./crews/run-crews.ts')
  const crewSpeed = Number(values.speed)
  if (!(crewSpeed > 0 && Number.isFinite(crewSpeed))) fail('--speed for crews must be a positive number')
  const stop = startCrews({
    target: values.target, apiKey: values.key, password: values.password, seed: values.seed, speed: crewSpeed,
    log: { warn: (obj, msg) => process.stderr.write(`${msg ?? ''} ${String((obj as { err?: unknown }).err ?? '')}\n`) },
  })
  process.stderr.write(`crews working the open cases at ${values.target} (×${crewSpeed}); Ctrl-C stops\n`)
  process.once('SIGINT', () => void stop().then(() => process.exit(0)))
  await new Promise(() => {})
}
const base = SCENARIOS[values.scenario] ?? fail(`unknown scenario '${values.scenario}'; available: ${Object.keys(SCENARIOS).join(', ')}`)
let speed = 1
try {
  speed = parseSpeed(values.speed)
} catch (err) {
  fail((err as Error).message)
}
const multiplier = Number(values['rate-multiplier'])
if (!(multiplier > 0)) fail('--rate-multiplier must be a positive number')
const rate = values.rate === undefined ? undefined : Number(values.rate)
if (rate !== undefined && !(rate > 0)) fail('--rate must be a positive number')
const count = values.count === undefined ? (Number.isFinite(base.durationMin) ? Infinity : 200) : Number(values.count)
if (!(count > 0)) fail('--count must be a positive number')
const start = values.start === undefined ? undefined : new Date(values.start)
if (start && Number.isNaN(start.getTime())) fail(`--start '${values.start}' is not a date-time`)

const heartbeats = values.heartbeats === undefined ? undefined : Number(values.heartbeats)
if (heartbeats !== undefined && !(heartbeats >= 0 && heartbeats <= 1)) fail('--heartbeats must be a share between 0 and 1')
const scenario = {
  ...base,
  steps: base.steps.map((s) => (s.source === 'normal-day'
    ? { ...s, ...(rate !== undefined ? { perMinute: rate * 60 } : {}), ...(heartbeats !== undefined ? { heartbeats } : {}) }
    : s)),
}
const runId = values['run-id'] ?? `cli${Date.now().toString(36)}`
process.stderr.write(`preparing ${scenario.name} (seed ${values.seed})…\n`)
const world = createSimWorld({ district: generateDistrict({ seed: values.seed }), seed: values.seed })
const simStart = start ?? new Date()
const run = expandScenario({ scenario, world, start: simStart, runId, rateMultiplier: multiplier })
const f = run.focus
const where = f.building ? `${f.compounds[0]?.properties.name ?? ''} ${f.building.properties.name} (${f.building.properties.id})`
  : f.park ? `${f.park.properties.name} (${f.park.properties.id})`
  : f.compounds.length > 0 ? f.compounds.map((c) => c.properties.name).join('、')
  : f.grids.length > 0 ? f.grids.map((g) => g.properties.id).join(', ') : ''
process.stderr.write(`${scenario.title}: ${f.street.name} (${f.street.id}) ${where}\n`)

if (values['dry-run']) {
  let n = 0
  for (const e of run.events()) {
    if (n++ >= count) break
    process.stdout.write(`${JSON.stringify(e)}\n`)
  }
  process.exit(0)
}

// The normal-day mix picks registry sensors and cameras as it goes: load them before the clock starts.
if (scenario.steps.some((s) => s.source === 'normal-day')) {
  world.sensors()
  world.cameras()
}
// Started once the district and registries are ready, so preparing them does not eat simulated time.
const clock = createSimClock({ speed, start: simStart })
const total = Number.isFinite(count) ? count : run.scripted
const line = (p: PlayProgress) => {
  const secs = Math.max(0.001, p.elapsedMs / 1000)
  const width = 30
  const done = total > 0 ? Math.min(width, Math.round((p.sent / total) * width)) : 0
  const simMin = (p.simNow.getTime() - clock.start.getTime()) / 60_000
  return `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${p.sent}/${total} sent, ${(p.sent / secs).toFixed(1)} events/s, t+${simMin.toFixed(1)} min simulated`
}
const progress = (p: PlayProgress) => process.stderr.write(`\r${line(p)}`)
const summary = await playScenario({
  events: run.events(), clock, producer: createHttpProducer({ target: values.target, apiKey: values.key }),
  maxEvents: count, maxBatch: Number(values.batch ?? 500), onProgress: progress,
  onError: (err, door, events) => process.stderr.write(`\n${door}: ${events.length} events refused: ${(err as Error).message}\n`),
}).catch((err: unknown) => fail(`\n${(err as Error).message}`))
const secs = summary.elapsedMs / 1000
const doors = Object.entries(summary.byDoor).filter(([, n]) => n > 0).map(([d, n]) => `${d} ${n}`).join(', ')
process.stderr.write('\n')
process.stdout.write(
  `${scenario.name}: ${summary.sent} events in ${secs.toFixed(1)} s (${(summary.sent / Math.max(secs, 0.001)).toFixed(1)}/s) at ×${speed}, ` +
  `${summary.accepted} stored, ${summary.duplicates} duplicates, ${summary.failed} failed (${doors}); target ${values.target}, run ${runId}\n`,
)
for (const e of scenario.expectedEffect) process.stdout.write(`  expect: ${e}\n`)
process.exit(summary.failed > 0 ? 1 : 0)
