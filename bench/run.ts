/**
 * `npm run bench`: each figure beside a peer measured in the same run, on loopback.
 * `BENCH_QUICK=1` shortens every run (for a smoke check, not for figures).
 */
import { benchBatchIngest } from './batch-ingest.ts'
import { benchSinglePost } from './single-post.ts'
import { benchDeliveryLatency } from './delivery-latency.ts'

const quick = process.env.BENCH_QUICK === '1'
const rows: Array<[string, string, string, string]> = []
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const log = (s: string) => process.stderr.write(`${s}\n`)

log('batch ingest…')
const batch = await benchBatchIngest(quick ? 20_000 : 100_000)
rows.push(['batch ingest, events/s committed (batches of 5,000)', fmt(batch.ours), `${fmt(batch.peer)} raw better-sqlite3`, `${fmt(batch.ours / batch.peer, 2)}×`])

log('single POST…')
const single = await benchSinglePost(quick ? 3 : 10)
rows.push(['single-event POST, req/s (50 connections)', fmt(single.ours.rps), `${fmt(single.peer.rps)} bare Fastify route`, `${fmt(single.ours.rps / single.peer.rps, 2)}×`])
if (single.ours.errors > 0) log(`  warning: ${single.ours.errors} non-2xx replies from Gridwatch`)

log('delivery latency…')
const lat = await benchDeliveryLatency(200, 2000, quick ? 3 : 10)
rows.push(['ingest→client latency p50, ms (200 sockets, 2,000 ev/s)', fmt(lat.ours.p50, 1), `${fmt(lat.peer.p50, 1)} bare Socket.IO broadcast`, `${fmt(lat.ours.p50 / lat.peer.p50, 2)}×`])
rows.push(['ingest→client latency p99, ms', fmt(lat.ours.p99, 1), `${fmt(lat.peer.p99, 1)} bare Socket.IO broadcast`, `${fmt(lat.ours.p99 / lat.peer.p99, 2)}×`])
rows.push(['deliveries (events × sockets)', `${fmt(lat.ours.delivered)} of ${fmt(lat.ours.expected)}`, `${fmt(lat.peer.delivered)} of ${fmt(lat.peer.expected)}`, ''])

const head: [string, string, string, string] = ['measure', 'ours', 'peer', 'ratio']
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
process.stdout.write(`${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`)
