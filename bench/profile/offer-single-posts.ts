/** The profiles' load: single-item POST /api/v1/events from the workload under 50 connections. */
import autocannon from 'autocannon'
import { workload } from '../workload.ts'

// Made at import, so a caller measuring its own CPU over the load does not count making them.
const items = workload(1000, 'single')

export function offerSinglePosts(url: string, seconds: number, tag: string): Promise<autocannon.Result> {
  let n = 0
  return autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [{
      method: 'POST',
      path: '/api/v1/events',
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-producer-key' },
      // A fresh sourceId every time, so every request is really stored.
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ ...items[n % items.length], sourceId: `${tag}-${Date.now()}-${n++}` }) }),
    }],
  })
}
