import { describe, expect, it } from 'vitest'
import { VERDICT_CACHE_SIZE, parseProducerKeys } from './producer-keys.ts'

describe('parseProducerKeys', () => {
  const keys = parseProducerKeys('sensors:sensor-key-0123456789, hotline:hotline-key-0123456789,unnamed-key-0123456789')

  it('names the producer of a configured key, again when asked again (the remembered verdict)', () => {
    for (let i = 0; i < 3; i++) {
      expect(keys.identify('sensor-key-0123456789')).toBe('sensors')
      expect(keys.identify('hotline-key-0123456789')).toBe('hotline')
      expect(keys.identify('unnamed-key-0123456789')).toBe('producer-3')
    }
  })

  it('knows no unknown, empty or missing key, however often it is tried', () => {
    for (let i = 0; i < 3; i++) {
      expect(keys.identify('sensor-key-012345678')).toBeUndefined()
      expect(keys.identify('sensor-key-0123456789 ')).toBeUndefined()
      expect(keys.identify('')).toBeUndefined()
      expect(keys.identify(undefined)).toBeUndefined()
    }
  })

  it('still answers right after more distinct keys than it remembers', () => {
    const k = parseProducerKeys('sensors:sensor-key-0123456789')
    expect(k.identify('sensor-key-0123456789')).toBe('sensors')
    for (let i = 0; i < VERDICT_CACHE_SIZE * 3; i++) expect(k.identify(`made-up-key-${i}-0123456789`)).toBeUndefined()
    expect(k.identify('sensor-key-0123456789')).toBe('sensors')
    expect(k.identify('made-up-key-0-0123456789')).toBeUndefined()
  })

  it('refuses a key shorter than 16 characters', () => {
    expect(() => parseProducerKeys('sensors:short')).toThrow(/shorter than 16/)
  })
})
