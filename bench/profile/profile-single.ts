/**
 * Profiles the server under single-event POSTs: spawns Gridwatch under `--cpu-prof`, offers
 * `PROFILE_SECONDS` (default 8) of single-item POST /api/v1/events over 50 connections, stops it, and
 * prints the top functions by self and inclusive time. `tsx bench/profile/profile-single.ts [outDir]`.
 */
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChildServer } from '../child-server.ts'
import { offerPosts } from '../post-load.ts'
import { singlePostLoad } from '../single-post.ts'
import { summariseProfile } from './summarise-profile.ts'

const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'gridwatch-prof-'))
const seconds = Number(process.env.PROFILE_SECONDS ?? 8)
const load = singlePostLoad('prof')
const spawnedAt = performance.now()
const child = await startChildServer('gridwatch.ts', {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
const port = Number(new URL(child.url).port)
// The boot is left out of the figures.
const bootMs = performance.now() - spawnedAt
const result = await offerPosts(`http://127.0.0.1:${port}`, seconds, load)
process.stderr.write(`${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx\n`)
await child.stop()
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
  process.stdout.write(`\n######## ${file}\n${summariseProfile(join(dir, file), Number(process.env.PROFILE_TOP ?? 40), bootMs)}`)
}
