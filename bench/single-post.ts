/** Single-event POSTs per second under 50 connections, against a bare Fastify route. */
import { comparePostRates } from './post-load.ts'
import { workload } from './workload.ts'

export async function benchSinglePost(seconds: number) {
  const items = workload(1000, 'single')
  let n = 0
  // Every request carries a fresh sourceId, so the store really writes each one.
  const makeBody = () => JSON.stringify({ ...items[n % items.length], sourceId: `single-${Date.now()}-${n++}` })
  return comparePostRates(seconds, {
    path: '/api/v1/events',
    headers: { 'content-type': 'application/json', 'x-api-key': 'demo-producer-key' },
    makeBody,
  })
}
