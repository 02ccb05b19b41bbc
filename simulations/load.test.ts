import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Value } from '@sinclair/typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IngestItem } from '../domain/event.ts'
// Registers the `date-time` format the server checks items with.
import '../domain/validate-batch.ts'
import { generateDistrict } from '../geo/index.ts'
import { createHttpProducer } from './http-producer.ts'
import { generateLoadItems, runLoad, serialiseBatches } from './load.ts'

const SEED = 'chenghua-510108'
const district = generateDistrict({ seed: SEED })

describe('the load mode', () => {
  it('generates the requested number of valid, distinct items, fast enough to feed 20,000 events/s', { timeout: 60_000 }, () => {
    generateLoadItems({ seed: SEED, district, count: 100, runId: 'warm' }) // loads the registries
    const count = 20_000
    const t0 = performance.now()
    const items = generateLoadItems({ seed: SEED, district, count, runId: 'load-test' })
    const ms = performance.now() - t0
    expect(items).toHaveLength(count)
    expect(new Set(items.map((i) => i.sourceId)).size).toBe(count)
    for (const item of items.slice(0, 500)) expect(Value.Check(IngestItem, item), JSON.stringify(item)).toBe(true)
    expect(new Set(items.map((i) => i.source))).toEqual(new Set(['hotline', 'incident', 'detection', 'sensor']))
    // Reported, not asserted: a shared CI machine's speed is not this code's property.
    console.info(`load items generated at ${Math.round(count / (ms / 1000))} items/s`)
    const batches = serialiseBatches(items, 5000)
    expect(batches.map((b) => b.count)).toEqual([5000, 5000, 5000, 5000])
    expect(JSON.parse(batches[3]!.body)).toEqual(items.slice(15_000))
  })

  describe('against an HTTP endpoint', () => {
    let server: Server
    let url = ''
    let received = 0
    beforeAll(async () => {
      // A stand-in for the server's door: answers like `POST /api/v1/events`, slowly enough to saturate.
      server = createServer((req, res) => {
        let body = ''
        req.on('data', (c: Buffer) => (body += c.toString()))
        req.on('end', () => {
          const n = (JSON.parse(body) as unknown[]).length
          received += n
          setTimeout(() => {
            res.writeHead(201, { 'content-type': 'application/json' })
            res.end(JSON.stringify({ accepted: n, events: [] }))
          }, 40)
        })
      })
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((r) => server.close(() => r())))

    it('offers batches at the rate, counts what was accepted, and drops what no connection could take', async () => {
      const items = generateLoadItems({ seed: SEED, district, count: 4000, runId: 'http' })
      const batches = serialiseBatches(items, 100)
      const producer = createHttpProducer({ target: url, apiKey: 'k', retries: 0 })
      const s = await runLoad({ producer, batches, ratePerSecond: 20_000, seconds: 0.5, connections: 2 })
      expect(s.offered).toBeGreaterThan(5000 * 0.5)
      expect(s.accepted).toBe(s.sent)
      expect(received).toBe(s.sent)
      // Two connections at ~40 ms a batch of 100 take ~5,000/s: the rest of the offer is dropped.
      expect(s.dropped).toBeGreaterThan(0)
      expect(s.offered).toBe(s.sent + s.dropped)
      expect(s.refused + s.failed).toBe(0)
    })
  })
})
