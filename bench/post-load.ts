/**
 * Offers POSTs under 50 connections for a while, first to Gridwatch and then to the bare Fastify
 * peer, each in its own child process, so the two figures in a row come from the same body mix.
 */
import autocannon from 'autocannon'
import { startChildServer } from './child-server.ts'

export interface PostLoad {
  path: string
  headers: Record<string, string>
  /** A body per request; called for every one, so it can vary the payload. */
  makeBody: () => string
}

export interface PostRate { rps: number; errors: number }

function offer(url: string, seconds: number, post: PostLoad): Promise<PostRate> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: 50,
        duration: seconds,
        requests: [{
          method: 'POST',
          path: post.path,
          headers: post.headers,
          setupRequest: (req) => ({ ...req, body: post.makeBody() }),
        }],
      },
      (err, result) => (err ? reject(err) : resolve({ rps: result.requests.average, errors: result.non2xx + result.errors })),
    )
  })
}

/** The same POST load against Gridwatch and against the bare Fastify route, one after the other. */
export async function comparePostRates(seconds: number, post: PostLoad): Promise<{ ours: PostRate; peer: PostRate }> {
  const ours = await startChildServer('gridwatch.ts')
  const a = await offer(ours.url, seconds, post)
  await ours.stop()
  const bare = await startChildServer('bare-fastify.ts')
  const b = await offer(bare.url, seconds, post)
  await bare.stop()
  return { ours: a, peer: b }
}
