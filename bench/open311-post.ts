/**
 * Open311 POSTs per second (`POST /open311/v2/requests.json`, form-encoded as the spec sends them)
 * under 50 connections, against a bare Fastify route that parses the same form and answers.
 * Each request is a fresh 12345 call with a caller and the service's required attributes, so the
 * server really validates, locates, commits and publishes every one.
 */
import { findHotlineService, type HotlineServiceDef } from '../domain/hotline-services.ts'
import { comparePostRates } from './post-load.ts'
import { workload } from './workload.ts'

const PATH = '/open311/v2/requests.json'

/** Answers for the service's required attributes, as a client that read its definition would send. */
function requiredAnswers(service: HotlineServiceDef): Record<string, string> {
  const out: Record<string, string> = {}
  for (const a of service.attributes) {
    if (!a.variable || !a.required) continue
    out[`attribute[${a.code}]`] = a.values?.[0]?.key ?? (a.datatype === 'number' ? '3' : '建设路 55 号')
  }
  return out
}

/** Form bodies from the seeded normal-day hotline mix: the same calls in every run. */
export function open311Bodies(n: number): string[] {
  const calls = workload(n * 3, 'open311').filter((i) => i.source === 'hotline').slice(0, n)
  return calls.map((item, i) => {
    const service = findHotlineService(item.category)!
    return new URLSearchParams({
      api_key: 'demo-producer-key',
      service_code: service.code,
      lat: String(item.location.lat),
      long: String(item.location.lng),
      description: item.title ?? service.zh,
      first_name: '三',
      last_name: '张',
      phone: `138${String(10_000_000 + i).slice(-8)}`,
      ...requiredAnswers(service),
    }).toString()
  })
}

export async function benchOpen311Post(seconds: number) {
  const bodies = open311Bodies(1000)
  let n = 0
  const makeBody = () => bodies[n++ % bodies.length]!
  return comparePostRates(seconds, {
    path: PATH,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    makeBody,
  })
}
