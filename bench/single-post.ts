/** Single-event POSTs per second under 50 connections, against a bare Fastify route. */
import { comparePostRates, type PostLoad } from './post-load.ts'
import { workload } from './workload.ts'

/** Single items of the workload, each with a fresh sourceId (`<tag>-…`) so the store really writes each one. */
export function singlePostLoad(tag: string): PostLoad {
  const items = workload(1000, 'single')
  let n = 0
  return {
    path: '/api/v1/events',
    headers: { 'content-type': 'application/json', 'x-api-key': 'demo-producer-key' },
    makeBody: () => JSON.stringify({ ...items[n % items.length], sourceId: `${tag}-${Date.now()}-${n++}` }),
  }
}

export function benchSinglePost(seconds: number) {
  return comparePostRates(seconds, singlePostLoad('single'))
}
