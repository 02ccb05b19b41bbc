/**
 * A producer over the public HTTP API. A batch that fails on the network or with a 5xx is sent
 * again unchanged: ingest is idempotent by `sourceId`, so a retry can never store an event twice.
 */
import type { IngestItem, IngestReply } from '../domain/event.ts'

export interface HttpProducer {
  send(items: IngestItem[]): Promise<IngestReply>
}

export class IngestRefused extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(`ingest refused with ${status}: ${JSON.stringify(body)}`)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function createHttpProducer(opts: { target: string; apiKey: string; retries?: number }): HttpProducer {
  const url = new URL('/api/v1/events', opts.target).toString()
  const retries = opts.retries ?? 5
  return {
    async send(items) {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': opts.apiKey },
            body: JSON.stringify(items),
          })
          const body: unknown = await res.json()
          if (res.status === 201) return body as IngestReply
          if (res.status < 500 && res.status !== 429) throw new IngestRefused(res.status, body)
          if (attempt >= retries) throw new IngestRefused(res.status, body)
        } catch (err) {
          if (err instanceof IngestRefused && err.status < 500 && err.status !== 429) throw err
          if (attempt >= retries) throw err
        }
        await sleep(Math.min(5000, 200 * 2 ** attempt))
      }
    },
  }
}
