/**
 * The bad-input corpus (issue 4, "Throughout"): every malformed request in `test/fixtures/bad-input`
 * goes over real HTTP to the real app. Each must get a clear 4xx (the exact status where one is
 * right), a body that says why, leave the store exactly as it was, and leave the server up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { PRODUCER_KEY, startTestServer, type TestServer } from '../helpers/build-app.ts'
import type { BadRequest, CorpusContext } from '../fixtures/bad-input/bad-request.ts'
import { eventsCorpus } from '../fixtures/bad-input/events.ts'
import { open311Corpus } from '../fixtures/bad-input/open311.ts'
import { incidentsCorpus } from '../fixtures/bad-input/incidents.ts'
import { sensorsCorpus } from '../fixtures/bad-input/sensors.ts'
import { detectionsCorpus } from '../fixtures/bad-input/detections.ts'
import { capCorpus } from '../fixtures/bad-input/cap.ts'
import { unitsCorpus } from '../fixtures/bad-input/units.ts'

const BODY_LIMIT = 1024 * 1024
let server: TestServer
let token: string
let context: CorpusContext

/** The first entry of a registry list, however the list is wrapped. */
async function firstId(path: string): Promise<string> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status, `${path} lists the registry`).toBe(200)
  const body = (await res.json()) as unknown
  const list = Array.isArray(body) ? body : Object.values(body as Record<string, unknown>).find(Array.isArray)
  const id = (list as Array<{ id?: string }> | undefined)?.[0]?.id
  if (!id) throw new Error(`${path} returned no entry with an id`)
  return id
}

beforeAll(async () => {
  server = await startTestServer({ BODY_LIMIT: String(BODY_LIMIT) })
  token = await server.login('district')
  const [lng, lat] = randomPointInPolygon(createRandom('bad-input'), server.app.district.streets[0]!)
  context = {
    lng: lng!,
    lat: lat!,
    sensorId: await firstId('/api/v1/sensors?limit=1'),
    cameraId: await firstId('/api/v1/cameras?limit=1'),
    unitId: await firstId('/api/v1/units?kind=emergency_squad'),
    producerKey: PRODUCER_KEY,
    oversize: BODY_LIMIT + 1024,
  }
})
afterAll(() => server?.close())

function send(c: BadRequest): Promise<Response> {
  const body = typeof c.body === 'string' ? c.body : JSON.stringify(c.body)
  const headers: Record<string, string> = { 'content-type': c.contentType ?? 'application/json', ...c.headers }
  if (!c.noKey && !('x-api-key' in headers)) headers['x-api-key'] = PRODUCER_KEY
  return fetch(`${server.url}${c.path}`, { method: c.method ?? 'POST', headers, body })
}

/** The reason, wherever the route's error format puts it: `{message}` or Open311's `[{code, description}]`. */
function reasonOf(text: string): string {
  try {
    const body = JSON.parse(text) as unknown
    if (Array.isArray(body)) return body.map((e: { description?: string }) => e.description ?? '').join('; ')
    return String((body as { message?: unknown }).message ?? '')
  } catch {
    // An XML error (Open311 `.xml`): the description element.
    return /<description>([^<]*)<\/description>/.exec(text)?.[1] ?? ''
  }
}

// The corpus is built lazily: its fixtures need the running app's registry ids.
const corpora: Array<[string, (c: CorpusContext) => BadRequest[]]> = [
  ['events', eventsCorpus],
  ['open311', open311Corpus],
  ['incidents', incidentsCorpus],
  ['sensors', sensorsCorpus],
  ['detections', detectionsCorpus],
  ['cap', capCorpus],
  ['units', unitsCorpus],
]

describe('the bad-input corpus', () => {
  it('holds at least 100 malformed requests across every source', () => {
    const all = corpora.flatMap(([, make]) => make(context))
    expect(all.length).toBeGreaterThanOrEqual(100)
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length)
  })

  for (const [name, make] of corpora) {
    it(`${name}: each request gets a clear 4xx, the store is unchanged, and the server stays up`, async () => {
      const failures: string[] = []
      for (const c of make(context)) {
        const before = server.app.store.lastSeq()
        const res = await send(c)
        const text = await res.text()
        const reason = reasonOf(text)
        if (c.status !== undefined ? res.status !== c.status : res.status < 400 || res.status >= 500 || res.status === 404) {
          failures.push(`${c.name}: expected ${c.status ?? '4xx'}, got ${res.status} ${text.slice(0, 160)}`)
        } else if (reason.trim().length < 8) {
          failures.push(`${c.name}: ${res.status} without a clear reason: ${text.slice(0, 160)}`)
        }
        if (server.app.store.lastSeq() !== before) failures.push(`${c.name}: the store changed`)
      }
      expect(failures).toEqual([])
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    })
  }
})
