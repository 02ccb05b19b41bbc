/**
 * `npm run simulate -- [--scenario normal-day] [--target URL] [--key KEY] [--seed S] [--rate N/s]
 *                      [--count N] [--batch N]`
 * Posts the scenario's events to any Gridwatch server over its public API and prints a summary.
 * Only `normal-day` exists so far; the drills come with the simulations issue.
 */
import { parseArgs } from 'node:util'
import { generateDistrict } from '../geo/index.ts'
import { createNormalDay } from './generators/normal-day.ts'
import { createHttpProducer } from './http-producer.ts'

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'normal-day' },
    target: { type: 'string', default: 'http://localhost:3000' },
    key: { type: 'string', default: 'demo-producer-key' },
    seed: { type: 'string', default: 'chenghua-510108' },
    rate: { type: 'string', default: '20' },
    count: { type: 'string', default: '200' },
    batch: { type: 'string', default: '50' },
  },
})

if (values.scenario !== 'normal-day') {
  process.stderr.write(`unknown scenario '${values.scenario}'; available: normal-day\n`)
  process.exit(2)
}
const rate = Number(values.rate)
const count = Number(values.count)
const batchSize = Math.max(1, Math.min(5000, Number(values.batch)))
if (!(rate > 0) || !(count > 0)) {
  process.stderr.write('--rate and --count must be positive numbers\n')
  process.exit(2)
}

const district = generateDistrict({ seed: values.seed })
const gen = createNormalDay({ seed: values.seed, district, runId: `cli${Date.now().toString(36)}` })
const producer = createHttpProducer({ target: values.target, apiKey: values.key })
const started = Date.now()
let sent = 0
let duplicates = 0

while (sent < count) {
  const n = Math.min(batchSize, count - sent)
  const items = Array.from({ length: n }, () => gen.next(new Date()))
  const reply = await producer.send(items)
  sent += n
  duplicates += n - reply.accepted
  const elapsed = (Date.now() - started) / 1000
  const width = 30
  const done = Math.round((sent / count) * width)
  process.stdout.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${sent}/${count} sent, ${(sent / elapsed).toFixed(1)} events/s`)
  const ahead = sent / rate - elapsed
  if (ahead > 0) await new Promise((r) => setTimeout(r, ahead * 1000))
}
const secs = (Date.now() - started) / 1000
process.stdout.write(`\n${values.scenario}: ${sent} events in ${secs.toFixed(1)} s (${(sent / secs).toFixed(1)}/s), ${duplicates} duplicates, target ${values.target}\n`)
