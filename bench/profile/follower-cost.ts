/**
 * The main-thread cost per event of the bus followers that every published event passes through and
 * that are cheap to run alone: the automatic hotspots' report window and daily counts, risk's loads
 * and the briefing's hourly counts. Feeds `FOLLOWER_EVENTS` (default 60,000) normalised workload events to each, several rounds,
 * and prints the best round's µs an event. `tsx bench/profile/follower-cost.ts`.
 */
import Database from 'better-sqlite3'
import type { StoredEvent } from '../../domain/event.ts'
import { createLocator } from '../../geo/index.ts'
import { loadHierarchy } from '../../server/district/load-hierarchy.ts'
import { normaliseEvent } from '../../server/pipeline/normalise-event.ts'
import { createCategoryDaily } from '../../server/hotspots/category-daily.ts'
import { ReportWindow, toReport } from '../../server/hotspots/report-window.ts'
import { createHourlyTally } from '../../server/briefing/hourly-tally.ts'
import { riskTree } from '../../server/risk/risk-scores.ts'
import { createRiskService } from '../../server/risk/risk-service.ts'
import { createRiskBaseline } from '../../server/risk/risk-baseline.ts'
import { createRiskWarnings } from '../../server/risk/risk-warnings.ts'
import { BENCH_SEED, workload } from '../workload.ts'

const n = Number(process.env.FOLLOWER_EVENTS ?? 60_000)
// The full hierarchy (cached in the data directory after a first generation), so events reach their micro-grids.
const { hierarchy: district } = loadHierarchy({ dataDir: process.env.FOLLOWER_DATA_DIR ?? '/tmp/gridwatch-follower-cost', seed: BENCH_SEED, log: () => {} })
const locator = createLocator(district)
const received = new Date()
const events: StoredEvent[] = workload(n, `followers${Date.now()}`).map((item, i) => ({
  ...normaliseEvent(item, (lng, lat) => locator.locate(lng, lat), received),
  id: `e${i}`,
  seq: i + 1,
}))

function best(name: string, make: () => (batch: readonly StoredEvent[]) => void): void {
  const times: number[] = []
  for (let round = 0; round < 7; round++) {
    const follow = make()
    const t0 = performance.now()
    for (let i = 0; i < events.length; i += 500) follow(events.slice(i, i + 500))
    times.push(performance.now() - t0)
  }
  const ms = Math.min(...times)
  process.stdout.write(`${name.padEnd(28)} ${((1000 * ms) / n).toFixed(2)} µs/event\n`)
}

best('hotspots: window + daily', () => {
  const window = new ReportWindow(24 * 3_600_000)
  const daily = createCategoryDaily(new Database(':memory:'))
  return (batch) => {
    for (const e of batch) {
      const r = toReport(e)
      if (!r) continue
      window.add(r)
      daily.add(r)
    }
  }
})

best('risk: loads', () => {
  const db = new Database(':memory:')
  const risk = createRiskService({
    tree: riskTree(district), vulnerability: new Map(), activeAlarms: () => new Map(),
    warnings: createRiskWarnings(db, { cooldownMs: 1, nameOf: (id) => id, streetOf: () => '' }),
    baseline: createRiskBaseline(db), thresholds: { blue: 20, yellow: 40, orange: 60, red: 80 }, halfLifeMs: 6 * 3_600_000,
  })
  return (batch) => risk.consume(batch)
})
best('briefing: hourly counts', () => {
  const tally = createHourlyTally(new Database(':memory:'))
  return (batch) => {
    for (const e of batch) tally.add(e)
  }
})

// What touching each event costs at all (the events are spread over memory): the floor under both.
best('a loop over the events', () => (batch) => {
  let n = 0
  for (const e of batch) if (e.path.microgrid) n++
  if (n < 0) throw new Error('unreachable')
})
