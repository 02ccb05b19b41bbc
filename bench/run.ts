/**
 * `npm run bench`: each figure beside a peer measured in the same run, on loopback.
 * `BENCH_QUICK=1` shortens every run (for a smoke check, not for figures).
 */
import { benchBatchIngest } from './batch-ingest.ts'
import { benchSensorIngest } from './sensor-ingest.ts'
import { benchMqttIntake, MQTT_URL } from './mqtt-intake.ts'
import { benchLocate } from './locate.ts'
import { benchHierarchySize } from './hierarchy-size.ts'
import { benchSinglePost } from './single-post.ts'
import { benchOpen311Post } from './open311-post.ts'
import { benchBareBroadcastLatency, benchDeliveryLatency } from './delivery-latency.ts'
import { benchWallLongTasks } from './wall-long-tasks.ts'
import { benchCaseEngine } from './case-engine.ts'
import { benchKpiQuery } from './kpi-query.ts'
import { benchMemorySoak } from './memory-soak.ts'

const quick = process.env.BENCH_QUICK === '1'
/** `BENCH_ONLY=cases,kpi` runs only those rows (names: locate, hierarchy, batch, sensor, mqtt, single, open311, cases, kpi, latency, wall, memory). */
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean)
const want = (name: string) => !only || only.includes(name)
const rows: Array<[string, string, string, string]> = []
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const log = (s: string) => process.stderr.write(`${s}\n`)

if (want('locate')) {
  log('locate…')
  const loc = benchLocate(quick ? 100_000 : 500_000, quick ? 1000 : 5000)
  rows.push(['locate a point to its 5-tier path (6,283 micro-grids), points/s', fmt(loc.ours), `${fmt(loc.peer)} naive turf loop`, `${fmt(loc.ours / loc.peer, 0)}×`])
}

if (want('hierarchy')) {
  for (const size of benchHierarchySize()) {
    rows.push([`${size.level}.geojson (${fmt(size.features)} features), KB gzipped`, fmt(size.gzip / 1024, 1), `${fmt(size.raw / 1024, 1)} raw`, `${fmt(size.gzip / size.raw, 2)}×`])
  }
}

if (want('batch')) {
  log('batch ingest…')
  const batch = await benchBatchIngest(quick ? 20_000 : 100_000)
  rows.push(['batch ingest, events/s committed (batches of 5,000)', fmt(batch.ours), `${fmt(batch.peer)} raw better-sqlite3`, `${fmt(batch.ours / batch.peer, 2)}×`])
}

if (want('sensor')) {
  log('sensor batch ingest…')
  const sensorBatch = await benchSensorIngest(quick ? 20_000 : 100_000)
  rows.push(['sensor batch ingest, messages/s (90% heartbeats, batches of 5,000)', fmt(sensorBatch.ours), `${fmt(sensorBatch.peer)} raw better-sqlite3`, `${fmt(sensorBatch.ours / sensorBatch.peer, 2)}×`])
}

if (want('mqtt')) {
  log('MQTT intake…')
  const mqttIntake = await benchMqttIntake(quick ? 5_000 : 20_000)
  if (!mqttIntake) log(`  skipped: no MQTT broker at ${MQTT_URL} (start Mosquitto, or set BENCH_MQTT_URL)`)
  else {
    rows.push(['MQTT sensor intake, messages/s handled (QoS 1, one message a publish)', fmt(mqttIntake.ours), `${fmt(mqttIntake.peer)} bare mqtt.js subscriber`, `${fmt(mqttIntake.ours / mqttIntake.peer, 2)}×`])
    if (mqttIntake.notAccepted > 0) log(`  warning: ${mqttIntake.notAccepted} MQTT payloads not accepted by Gridwatch`)
  }
}

if (want('single')) {
  log('single POST…')
  const single = await benchSinglePost(quick ? 3 : 10)
  rows.push(['single-event POST, req/s (50 connections)', fmt(single.ours.rps), `${fmt(single.peer.rps)} bare Fastify route`, `${fmt(single.ratio, 2)}×`])
  if (Number.isFinite(single.ours.cpuUs)) rows.push(['single-event POST, server CPU µs a request (all threads)', fmt(single.ours.cpuUs), `${fmt(single.peer.cpuUs)} bare Fastify route`, `${fmt(single.ours.cpuUs / single.peer.cpuUs, 1)}×`])
  log(`  rounds (ours ÷ bare): ${single.rounds.map((r) => fmt(r, 2)).join(', ')}`)
  if (single.ours.errors > 0) log(`  warning: ${single.ours.errors} non-2xx replies from Gridwatch`)
}

if (want('open311')) {
  log('Open311 POST…')
  const open311 = await benchOpen311Post(quick ? 3 : 10)
  rows.push(['Open311 POST requests.json (form), req/s (50 connections)', fmt(open311.ours.rps), `${fmt(open311.peer.rps)} bare Fastify route`, `${fmt(open311.ratio, 2)}×`])
  if (Number.isFinite(open311.ours.cpuUs)) rows.push(['Open311 POST, server CPU µs a request (all threads)', fmt(open311.ours.cpuUs), `${fmt(open311.peer.cpuUs)} bare Fastify route`, `${fmt(open311.ours.cpuUs / open311.peer.cpuUs, 1)}×`])
  log(`  rounds (ours ÷ bare): ${open311.rounds.map((r) => fmt(r, 2)).join(', ')}`)
  if (open311.ours.errors > 0) log(`  warning: ${open311.ours.errors} non-2xx replies from Gridwatch's Open311 route`)
}

if (want('cases')) {
  log('case engine…')
  const cases = benchCaseEngine(quick ? 4_000 : 20_000)
  if (cases.opened !== cases.openAfter - cases.open) log(`  warning: the KPI projection saw ${cases.opened} of ${cases.openAfter - cases.open} cases opened`)
  rows.push([`case engine, events/s correlated and routed (${fmt(cases.open)} cases open before, ${fmt(cases.openAfter)} after; 1 in 5 opens a case)`, fmt(cases.ours), `${fmt(cases.peer)} raw better-sqlite3 case_events inserts`, `${fmt(cases.ours / cases.peer, 2)}×`])
}

if (want('kpi')) {
  log('KPI query…')
  const k = benchKpiQuery(quick ? 10_000 : 100_000, quick ? 100_000 : 1_000_000, log)
  const over = `${fmt(k.cases)} cases, ${fmt(k.events)} events`
  const peer = 'SQL GROUP BY over an indexed per-case table'
  rows.push([`KPI report, today (${over}), ms`, fmt(k.today.ours, 2), `${fmt(k.today.peer, 2)} ${peer}`, `${fmt(k.today.ours / k.today.peer, 3)}×`])
  rows.push([`KPI report, month (${over}), ms`, fmt(k.month.ours, 2), `${fmt(k.month.peer, 2)} ${peer}`, `${fmt(k.month.ours / k.month.peer, 3)}×`])
  rows.push([`KPI projection rebuilt at boot (${fmt(k.cases)} cases), ms`, fmt(k.load.ours), `${fmt(k.load.peer)} read + JSON.parse of the same cases`, `${fmt(k.load.ours / k.load.peer, 2)}×`])
}

if (want('latency')) {
  log('delivery latency…')
  const secs = quick ? 3 : 8
  for (const clients of [20, 200]) {
    const peer = await benchBareBroadcastLatency(clients, 2000, secs)
    for (const interval of [250, 50]) {
      const ours = await benchDeliveryLatency(clients, 2000, secs, interval)
      const label = `${clients} sockets, 2,000 ev/s, ${interval === 250 ? 'frames ≤ 4/s (default)' : `FRAME_INTERVAL_MS=${interval}`}`
      const peerLabel = 'bare Socket.IO broadcast'
      rows.push([`ingest→client p50, ms (${label})`, fmt(ours.p50, 1), `${fmt(peer.p50, 1)} ${peerLabel}`, `${fmt(ours.p50 / peer.p50, 2)}×`])
      rows.push([`ingest→client p99, ms (${label})`, fmt(ours.p99, 1), `${fmt(peer.p99, 1)} ${peerLabel}`, `${fmt(ours.p99 / peer.p99, 2)}×`])
      if (ours.delivered !== ours.expected) log(`  warning: ${ours.delivered} of ${ours.expected} deliveries arrived`)
    }
  }
}

if (want('wall')) {
  log('wall long tasks (Chromium)…')
  const wall = await benchWallLongTasks(quick ? 6 : 15)
  const wallLabel = (what: string) => `wall, ${what}, live stream + zoom in/out (${quick ? 6 : 15} s)`
  const atRest = 'district + streets only'
  rows.push([wallLabel('long tasks > 50 ms, all 6,283 micro-grids'), fmt(wall.ours.count), `${fmt(wall.peer.count)} ${atRest}`, wall.peer.count ? `${fmt(wall.ours.count / wall.peer.count, 2)}×` : '—'])
  rows.push([wallLabel('long-task ms in all, all micro-grids'), fmt(wall.ours.totalMs), `${fmt(wall.peer.totalMs)} ${atRest}`, wall.peer.totalMs ? `${fmt(wall.ours.totalMs / wall.peer.totalMs, 2)}×` : '—'])
  rows.push([wallLabel('longest task ms, all micro-grids'), fmt(wall.ours.maxMs), `${fmt(wall.peer.maxMs)} ${atRest}`, wall.peer.maxMs ? `${fmt(wall.ours.maxMs / wall.peer.maxMs, 2)}×` : '—'])
  rows.push([wallLabel('frames/s painted, all micro-grids'), fmt(wall.ours.fps, 1), `${fmt(wall.peer.fps, 1)} ${atRest}`, `${fmt(wall.ours.fps / wall.peer.fps, 2)}×`])
  rows.push(['wall, switch on all 6,283 micro-grids → drawn and idle, ms (fetch included)', fmt(wall.ours.drawMs ?? 0), '—', '—'])
}

if (want('memory')) {
  log('memory under a long stream…')
  const events = quick ? 10_000 : 100_000
  const mem = await benchMemorySoak(events, quick ? 1000 : 2000)
  const mb = (b: number) => fmt(b / 1e6, 1)
  const growth = (r: typeof mem.ours) => {
    const first = r.readings[0]!
    const last = r.readings.at(-1)!
    const d = last.heapUsed - first.heapUsed
    return `${d >= 0 ? '+' : ''}${mb(d)} (${mb(first.heapUsed)} → ${mb(last.heapUsed)})`
  }
  const streamed = fmt(mem.ours.readings.at(-1)!.events - mem.ours.readings[0]!.events)
  rows.push([`heap after full GC, MB: growth over ${streamed} events, no case open at either reading (20 wall sockets, ${fmt(mem.ours.socketsReplaced)} reconnects)`, growth(mem.ours), `${growth(mem.peer)} bare Socket.IO broadcast`, '—'])
  const peak = mem.ours.readings.reduce((a, b) => ((b.openCases ?? 0) > (a.openCases ?? 0) ? b : a))
  if (peak.openCases) {
    const perCase = (peak.heapUsed - mem.ours.readings[0]!.heapUsed) / peak.openCases
    rows.push([`heap after full GC held per open case, KB (${fmt(peak.openCases)} open after ${fmt(peak.events)} events)`, fmt(perCase / 1024, 1), '—', '—'])
  }
  const rss = (r: typeof mem.ours) => r.readings.at(-1)!.rss
  rows.push(['resident memory at the end of the stream, MB', mb(rss(mem.ours)), `${mb(rss(mem.peer))} bare Socket.IO broadcast`, `${fmt(rss(mem.ours) / rss(mem.peer), 1)}×`])
  log(`  readings (events: heap MB, open cases): ${mem.ours.readings.map((r) => `${fmt(r.events)}: ${mb(r.heapUsed)}, ${fmt(r.openCases ?? 0)}`).join('; ')}`)
}

const head: [string, string, string, string] = ['measure', 'ours', 'peer', 'ratio']
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
process.stdout.write(`${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`)
