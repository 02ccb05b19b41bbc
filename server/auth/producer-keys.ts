/** Producer API keys (`X-Api-Key`). Keys are compared by SHA-256 digest in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto'

export const DEMO_PRODUCER_KEY = 'demo-producer-key'

export interface ProducerKeys {
  /** The producer's name, or undefined for an unknown key. */
  identify(key: string | undefined): string | undefined
}

const digest = (s: string) => createHash('sha256').update(s).digest()

/** @example parseProducerKeys('sensors:k1,hotline:k2') */
export function parseProducerKeys(spec: string): ProducerKeys {
  const entries = spec.split(',').map((s) => s.trim()).filter(Boolean).map((pair, i) => {
    const at = pair.indexOf(':')
    const [name, key] = at > 0 ? [pair.slice(0, at), pair.slice(at + 1)] : [`producer-${i + 1}`, pair]
    if (key.length < 16) throw new Error(`PRODUCER_KEYS: the key of '${name}' is shorter than 16 characters`)
    return { name, hash: digest(key) }
  })
  return {
    identify(key) {
      if (!key) return undefined
      const h = digest(key)
      return entries.find((e) => timingSafeEqual(e.hash, h))?.name
    },
  }
}
