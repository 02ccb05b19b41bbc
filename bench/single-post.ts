/** Single-event POSTs per second under 50 connections, against a bare Fastify route. */
import autocannon from 'autocannon'
import { startChildServer } from './child-server.ts'
import { workload } from './workload.ts'

function load(url: string, seconds: number, makeBody: () => string): Promise<{ rps: number; errors: number }> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: 50,
        duration: seconds,
        requests: [{
          method: 'POST',
          path: '/api/v1/events',
          headers: { 'content-type': 'application/json', 'x-api-key': 'demo-producer-key' },
          setupRequest: (req) => ({ ...req, body: makeBody() }),
        }],
      },
      (err, result) => (err ? reject(err) : resolve({ rps: result.requests.average, errors: result.non2xx + result.errors })),
    )
  })
}

export async function benchSinglePost(seconds: number) {
  const items = workload(1000, 'single')
  let n = 0
  // Every request carries a fresh sourceId, so the store really writes each one.
  const makeBody = () => JSON.stringify({ ...items[n % items.length], sourceId: `single-${Date.now()}-${n++}` })
  const ours = await startChildServer('gridwatch.ts')
  const a = await load(ours.url, seconds, makeBody)
  await ours.stop()
  const bare = await startChildServer('bare-fastify.ts')
  const b = await load(bare.url, seconds, makeBody)
  await bare.stop()
  return { ours: a, peer: b }
}
