/**
 * Offers POSTs under 50 connections to Gridwatch and to the bare Fastify peer, each in its own child
 * process, in alternating rounds, so the two figures in a row come from the same body mix and the same
 * stretch of machine time.
 */
import autocannon from 'autocannon'
import { startChildServer, type ChildServer } from './child-server.ts'
import { processCpuSeconds } from './process-cpu.ts'

export interface PostLoad {
  path: string
  headers: Record<string, string>
  /** A body per request; called for every one, so it can vary the payload. */
  makeBody: () => string
}

export interface PostRate {
  rps: number
  errors: number
  /** The server's CPU (all its threads) per request, µs; NaN where /proc cannot say. */
  cpuUs: number
}

/** Offers the POSTs under 50 connections for `seconds`: autocannon's own result. */
export function offerPosts(url: string, seconds: number, post: PostLoad): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [{
      method: 'POST',
      path: post.path,
      headers: post.headers,
      setupRequest: (req) => ({ ...req, body: post.makeBody() }),
    }],
  })
}

async function offer(server: ChildServer, seconds: number, post: PostLoad): Promise<PostRate> {
  const cpuBefore = processCpuSeconds(server.proc.pid)
  const result = await offerPosts(server.url, seconds, post)
  const cpu = processCpuSeconds(server.proc.pid) - cpuBefore
  return { rps: result.requests.average, errors: result.non2xx + result.errors, cpuUs: (cpu * 1e6) / result.requests.total }
}

export interface PostComparison {
  ours: PostRate
  peer: PostRate
  /** The median of the rounds' ratios (ours ÷ peer). */
  ratio: number
  /** Each round's ratio, in order. */
  rounds: number[]
}

/** Seconds a round lasts; a run shorter than two rounds is one round of each. */
const ROUND_SECONDS = 2

/**
 * The same POST load against Gridwatch and against the bare Fastify route, in alternating rounds.
 * The machines these run on are shared, and their speed drifts by half within a minute: one long run
 * of each put the two figures in different weather. Rounds of a couple of seconds, each beside its
 * peer's, keep the ratio honest; the median ignores a round a neighbour spoiled.
 */
export async function comparePostRates(seconds: number, post: PostLoad): Promise<PostComparison> {
  const ours = await startChildServer('gridwatch.ts')
  const bare = await startChildServer('bare-fastify.ts')
  try {
    // Neither side's first requests (JIT, first pages of the file) count.
    await offer(ours, 1, post)
    await offer(bare, 1, post)
    const n = Math.max(1, Math.round(seconds / ROUND_SECONDS))
    const slice = Math.max(1, Math.round(seconds / n))
    const a: PostRate[] = []
    const b: PostRate[] = []
    for (let i = 0; i < n; i++) {
      a.push(await offer(ours, slice, post))
      b.push(await offer(bare, slice, post))
    }
    const rounds = a.map((x, i) => x.rps / b[i]!.rps)
    const sorted = [...rounds].sort((x, y) => x - y)
    const mid = sorted.length >> 1
    return {
      ours: overall(a),
      peer: overall(b),
      ratio: sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
      rounds,
    }
  } finally {
    await ours.stop()
    await bare.stop()
  }
}

/** The mean rate over rounds of equal length, all their errors, and the CPU per request weighted by requests. */
function overall(rates: PostRate[]): PostRate {
  const rps = rates.reduce((s, r) => s + r.rps, 0)
  return {
    rps: rps / rates.length,
    errors: rates.reduce((s, r) => s + r.errors, 0),
    cpuUs: rates.reduce((s, r) => s + r.cpuUs * r.rps, 0) / rps,
  }
}
