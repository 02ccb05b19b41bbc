/**
 * Where the CPU goes under single-event POSTs, per thread: the server's threads (from /proc) and
 * this load generator's own process, over `PROFILE_SECONDS` of load. Linux only.
 * `tsx bench/profile/thread-cpu.ts [gridwatch.ts|bare-fastify.ts]`; `SERVER_NODE_ARGS` passes flags to the server.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { startChildServer } from '../child-server.ts'
import { statCpuSeconds } from '../process-cpu.ts'
import { offerPosts } from '../post-load.ts'
import { singlePostLoad } from '../single-post.ts'

function threads(pid: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()
      const cpu = statCpuSeconds(`/proc/${pid}/task/${tid}/stat`)
      if (Number.isFinite(cpu)) out.set(`${tid} ${name}`, cpu)
    } catch { /* the thread ended */ }
  }
  return out
}

const script = process.argv[2] ?? 'gridwatch.ts'
const seconds = Number(process.env.PROFILE_SECONDS ?? 8)
// Made before the measured span, so making the bodies' workload is not counted as load.
const load = singlePostLoad('cpu')
const child = await startChildServer(script, {}, (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean))
const pid = child.proc.pid as number
const before = threads(pid)
const ownBefore = process.cpuUsage()
const result = await offerPosts(child.url, seconds, load)
const own = process.cpuUsage(ownBefore)
const after = threads(pid)
await child.stop()
const total = result.requests.total
process.stdout.write(`${script}: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx\n`)
process.stdout.write(`load generator: ${((own.user + own.system) / 1e6 / seconds * 100).toFixed(0)}% of a core, ${((own.user + own.system) / total).toFixed(1)} µs a request\n`)
for (const [name, t] of after) {
  const used = t - (before.get(name) ?? 0)
  if (used < 0.05) continue
  process.stdout.write(`${name}: ${(used / seconds * 100).toFixed(0)}% of a core, ${(used * 1e6 / total).toFixed(1)} µs a request\n`)
}
