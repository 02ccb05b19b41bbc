/**
 * Producer API keys (`X-Api-Key`). A key seen for the first time is compared by SHA-256 digest in
 * constant time against every configured key; the verdict is then remembered per distinct key string,
 * so a producer posting thousands of events a second does not hash its key on every request.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

export const DEMO_PRODUCER_KEY = 'demo-producer-key'

export interface ProducerKeys {
  /** The producer's name, or undefined for an unknown key. */
  identify(key: string | undefined): string | undefined
}

/** Distinct key strings whose verdict is remembered; the oldest is forgotten first. */
export const VERDICT_CACHE_SIZE = 64

const digest = (s: string) => createHash('sha256').update(s).digest()

/** @example parseProducerKeys('sensors:k1,hotline:k2') */
export function parseProducerKeys(spec: string): ProducerKeys {
  const entries = spec.split(',').map((s) => s.trim()).filter(Boolean).map((pair, i) => {
    const at = pair.indexOf(':')
    const [name, key] = at > 0 ? [pair.slice(0, at), pair.slice(at + 1)] : [`producer-${i + 1}`, pair]
    if (key.length < 16) throw new Error(`PRODUCER_KEYS: the key of '${name}' is shorter than 16 characters`)
    return { name, hash: digest(key) }
  })
  // null: known to be no producer's key. Bounded, so a stream of made-up keys cannot grow it.
  const verdicts = new Map<string, string | null>()
  const check = (key: string): string | null => {
    const h = digest(key)
    let name: string | null = null
    // Every entry is compared, so the time taken does not tell which one matched.
    for (const e of entries) if (timingSafeEqual(e.hash, h) && name === null) name = e.name
    return name
  }
  return {
    identify(key) {
      if (!key) return undefined
      let verdict = verdicts.get(key)
      if (verdict === undefined) {
        verdict = check(key)
        if (verdicts.size >= VERDICT_CACHE_SIZE) verdicts.delete(verdicts.keys().next().value as string)
        verdicts.set(key, verdict)
      }
      return verdict ?? undefined
    },
  }
}
