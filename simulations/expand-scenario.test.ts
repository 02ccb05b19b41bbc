import { describe, expect, it } from 'vitest'
import { generateDistrict } from '../geo/index.ts'
import { expandScenario } from './expand-scenario.ts'
import { SCENARIOS } from './scenarios/index.ts'
import { createSimWorld } from './sim-world.ts'
import type { SimEvent } from './sim-event.ts'

const SEED = 'chenghua-510108'
const START = new Date('2026-07-20T06:00:00Z')

// Two worlds built from scratch, so nothing cached in one run can feed the other.
const worlds = new Map<string, ReturnType<typeof createSimWorld>>()
const worldFor = (key: string, seed: string) => {
  if (!worlds.has(key)) worlds.set(key, createSimWorld({ district: generateDistrict({ seed }), seed }))
  return worlds.get(key)!
}

/** The first `max` events of a run. */
function run(name: string, seed = SEED, world = 'a', max = 300): SimEvent[] {
  const w = worldFor(`${world}:${seed}`, seed)
  const out: SimEvent[] = []
  for (const e of expandScenario({ scenario: SCENARIOS[name]!, world: w, start: START, runId: 'det' }).events()) {
    out.push(e)
    if (out.length >= max) break
  }
  return out
}

describe('expandScenario', () => {
  it('gives the identical event sequence for the same seed and scenario', { timeout: 120_000 }, () => {
    for (const name of Object.keys(SCENARIOS)) {
      const first = run(name)
      expect(first.length, name).toBeGreaterThan(0)
      expect(run(name, SEED, 'b'), name).toEqual(first)
    }
  })

  it('gives another sequence for another seed', { timeout: 60_000 }, () => {
    const a = run('rainstorm')
    const b = run('rainstorm', 'another-seed')
    expect(b.map((e) => JSON.stringify(e))).not.toEqual(a.map((e) => JSON.stringify(e)))
  })

  it('orders events by their simulated send time, each stamped with its simulated occurredAt', { timeout: 60_000 }, () => {
    const events = run('rainstorm')
    const due = events.map((e) => e.dueAt)
    expect(due).toEqual([...due].sort())
    expect(events[0]).toMatchObject({ door: 'cap', occurredAt: START.toISOString() })
    for (const e of events) {
      expect(Date.parse(e.occurredAt)).toBeGreaterThanOrEqual(START.getTime())
      expect(Date.parse(e.occurredAt)).toBeLessThanOrEqual(START.getTime() + 60 * 60_000)
    }
    // Every call answers its service's required attributes, in Open311's form encoding.
    const calls = events.filter((e): e is Extract<SimEvent, { door: 'hotline' }> => e.door === 'hotline')
    expect(calls.length).toBeGreaterThanOrEqual(30)
    for (const c of calls.filter((x) => x.form.service_code === 'waterlogging')) expect(c.form['attribute[depth]']).toBeTruthy()
  })
})
