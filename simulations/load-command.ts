/** `npm run simulate -- --load`: the load mode's command line (see load.ts). Returns the exit status. */
import { generateDistrict } from '../geo/index.ts'
import { createHttpProducer } from './http-producer.ts'
import { describeLoad, generateLoadItems, runLoad, serialiseBatches } from './load.ts'

export interface LoadArgs {
  target: string
  key: string
  seed: string
  seconds: string
  connections: string
  rate?: string
  batch?: string
  'run-id'?: string
}

export async function loadCommand(a: LoadArgs): Promise<number> {
  const seconds = Number(a.seconds)
  const rate = Number(a.rate ?? 20_000)
  const batch = Number(a.batch ?? 5000)
  const connections = Number(a.connections)
  for (const [name, v] of [['--seconds', seconds], ['--rate', rate], ['--batch', batch], ['--connections', connections]] as const) {
    if (!(v > 0) || !Number.isFinite(v)) {
      process.stderr.write(`${name} must be a positive number\n`)
      return 2
    }
  }
  const runId = a['run-id'] ?? `load${Date.now().toString(36)}`
  // Enough distinct items for the whole offer (ids must be new, or the server counts duplicates).
  const count = Math.ceil((rate * seconds) / batch) * batch
  process.stderr.write(`preparing ${count} normal-day items (seed ${a.seed}, run ${runId})…\n`)
  const district = generateDistrict({ seed: a.seed })
  const t0 = performance.now()
  const items = generateLoadItems({ seed: a.seed, district, count, runId })
  const genMs = performance.now() - t0
  const batches = serialiseBatches(items, Math.min(batch, 5000))
  process.stderr.write(
    `generated ${count} items in ${(genMs / 1000).toFixed(1)} s (${Math.round(count / (genMs / 1000))} items/s), ` +
    `${batches.length} batches serialised in ${((performance.now() - t0 - genMs) / 1000).toFixed(1)} s\n` +
    `offering ${rate} events/s for ${seconds} s to ${a.target}/api/v1/events over ${connections} connections…\n`,
  )
  // No retries: a refused or failed batch is part of the measurement, not something to hide.
  const producer = createHttpProducer({ target: a.target, apiKey: a.key, retries: 0 })
  const summary = await runLoad({
    producer, batches, ratePerSecond: rate, seconds, connections,
    onProgress: (p) => process.stderr.write(
      `\r${(p.elapsedMs / 1000).toFixed(1)} s: offered ${p.offered}, sent ${p.sent}, accepted ${p.accepted}, in flight ${p.inFlight}   `,
    ),
  })
  process.stderr.write('\n')
  process.stdout.write(`${describeLoad(summary)}\n`)
  return summary.refused + summary.failed > 0 ? 1 : 0
}
