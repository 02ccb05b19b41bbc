/**
 * A producer over the public HTTP API. A batch that fails on the network or with a 5xx is sent
 * again unchanged: ingest is idempotent by `sourceId`, so a retry can never store an event twice.
 */
import type { IngestItem, IngestReply } from '../domain/event.ts'

export interface HttpProducer {
  send(items: IngestItem[]): Promise<IngestReply>
  /** Publishes one CAP 1.2 message to `POST /api/v1/cap`, retried like a batch. */
  sendCap(xml: string): Promise<unknown>
}

export class IngestRefused extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(`ingest refused with ${status}: ${JSON.stringify(body)}`)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function createHttpProducer(opts: { target: string; apiKey: string; retries?: number }): HttpProducer {
  const retries = opts.retries ?? 5

  async function post(path: string, contentType: string, body: string, ok: number): Promise<unknown> {
    const url = new URL(path, opts.target).toString()
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, 'x-api-key': opts.apiKey }, body })
        const reply: unknown = await res.json()
        if (res.status === ok) return reply
        if (res.status < 500 && res.status !== 429) throw new IngestRefused(res.status, reply)
        if (attempt >= retries) throw new IngestRefused(res.status, reply)
      } catch (err) {
        if (err instanceof IngestRefused && err.status < 500 && err.status !== 429) throw err
        if (attempt >= retries) throw err
      }
      await sleep(Math.min(5000, 200 * 2 ** attempt))
    }
  }

  return {
    send: async (items) => (await post('/api/v1/events', 'application/json', JSON.stringify(items), 201)) as IngestReply,
    sendCap: (xml) => post('/api/v1/cap', 'application/cap+xml', xml, 201),
  }
}
