/**
 * Profiles the server during a batch-ingest run: spawns Gridwatch under `--cpu-prof`, posts
 * `PROFILE_EVENTS` (default 60,000) workload items in 5,000-item batches over 2 connections, waits 3 s
 * for the after-reply work (cases, KPIs) to finish, stops it, and prints the top functions by self
 * and inclusive time. `tsx bench/profile/profile-batch.ts [outDir]`.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChildServer } from '../child-server.ts'
import { postBatches } from '../batch-ingest.ts'
import { chunk, workload } from '../workload.ts'
import { summariseProfile } from './summarise-profile.ts'

const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'gridwatch-prof-'))
const total = Number(process.env.PROFILE_EVENTS ?? 60_000)
const spawnedAt = performance.now()
const child = await startChildServer('gridwatch.ts', {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
const { proc } = child
const port = Number(new URL(child.url).port)
// The boot is left out of the figures.
const bootMs = performance.now() - spawnedAt
/** The server's CPU time (user + system, all threads), ms: steadier than wall time on a shared machine. */
const cpuMs = () => {
  const f = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100
}
const bodies = chunk(workload(total, `prof${Date.now()}`), 5000).map((b) => JSON.stringify(b))
const cpu0 = cpuMs()
const t0 = performance.now()
await postBatches(`http://127.0.0.1:${port}/api/v1/events`, bodies, 2)
const secs = (performance.now() - t0) / 1000
process.stderr.write(`${total} events in ${secs.toFixed(2)} s: ${Math.round(total / secs)} events/s\n`)
const cpuAcked = cpuMs() - cpu0
await new Promise((r) => setTimeout(r, 3000))
process.stderr.write(`server CPU: ${Math.round(cpuAcked)} ms until the last reply, ${Math.round(cpuMs() - cpu0)} ms with the 3 s after (${((1000 * (cpuMs() - cpu0)) / total).toFixed(1)} µs/event)\n`)
await child.stop()
// One profile per thread: the main thread's and the SQLite writer's.
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
  process.stdout.write(`\n######## ${file}\n${summariseProfile(join(dir, file), Number(process.env.PROFILE_TOP ?? 40), bootMs)}`)
}
