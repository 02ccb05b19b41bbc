import { describe, expect, it } from 'vitest'
import { DEFAULT_RISK_THRESHOLDS } from '../../domain/risk.ts'
import { microgridParts, scoreTree, type RiskTree } from './risk-scores.ts'

/** A district with one street, one community, one grid of three micro-grids, and a second grid of one. */
const tree: RiskTree = {
  nodes: [
    { id: 'm1', level: 'microgrid', children: [] },
    { id: 'm2', level: 'microgrid', children: [] },
    { id: 'm3', level: 'microgrid', children: [] },
    { id: 'm4', level: 'microgrid', children: [] },
    { id: 'g1', level: 'grid', children: ['m1', 'm2', 'm3'] },
    { id: 'g2', level: 'grid', children: ['m4'] },
    { id: 'c1', level: 'community', children: ['g1', 'g2'] },
    { id: 's1', level: 'street', children: ['c1'] },
    { id: 'd', level: 'district', children: ['s1'] },
  ],
  microgrids: ['m1', 'm2', 'm3', 'm4'],
  streetOf: new Map([['s1', 's1'], ['c1', 's1'], ['g1', 's1'], ['g2', 's1'], ['m1', 's1'], ['m2', 's1'], ['m3', 's1'], ['m4', 's1']]),
}
const none = { loads: new Map(), eventScale: 6, alarms: new Map(), vulnerability: new Map(), thresholds: DEFAULT_RISK_THRESHOLDS }

describe('microgridParts', () => {
  it('grows the events part with the load but never past 60', () => {
    expect(microgridParts(0, [], undefined).events).toBe(0)
    expect(microgridParts(6, [], undefined).events).toBeCloseTo(60 * (1 - Math.exp(-1)))
    expect(microgridParts(1e6, [], undefined).events).toBeCloseTo(60)
  })

  it('takes a larger load to the same part where the district is busier', () => {
    expect(microgridParts(24, [], undefined, 24).events).toBeCloseTo(microgridParts(6, [], undefined, 6).events)
  })

  it('counts active alarms by type, up to 30', () => {
    expect(microgridParts(0, ['gas'], undefined).alarms).toBe(15)
    expect(microgridParts(0, ['smoke', 'heat'], undefined).alarms).toBe(22)
    expect(microgridParts(0, ['gas', 'gas', 'gas'], undefined).alarms).toBe(30)
  })

  it('scores old homes and elderly residents up to 20', () => {
    expect(microgridParts(0, [], { oldShare: 1, elderlyShare: 0.4 }).vulnerability).toBe(20)
    expect(microgridParts(0, [], { oldShare: 0.5, elderlyShare: 0.2 }).vulnerability).toBe(10)
  })
})

describe('scoreTree', () => {
  it('gives a parent the mean of its worst third of children, part by part', () => {
    const scores = scoreTree(tree, { ...none, loads: new Map([['m1', 1e6]]), alarms: new Map([['m2', ['gas']]]) })
    expect(scores.get('m1')).toMatchObject({ score: 60, riskLevel: 'orange' })
    expect(scores.get('m2')).toMatchObject({ score: 15, riskLevel: 'green' })
    // Three children: the worst one alone.
    expect(scores.get('g1')).toMatchObject({ score: 60, parts: { events: 60, alarms: 0, vulnerability: 0 } })
    // Two children (g1 at 60, g2 at 0): the worst one.
    expect(scores.get('c1')?.score).toBe(60)
    expect(scores.get('d')).toMatchObject({ level: 'district', score: 60, riskLevel: 'orange' })
  })

  it('caps the score at 100 and colours it by the thresholds', () => {
    const scores = scoreTree(tree, {
      ...none,
      loads: new Map([['m4', 1e6]]),
      alarms: new Map([['m4', ['gas', 'gas']]]),
      vulnerability: new Map([['m4', { oldShare: 1, elderlyShare: 1 }]]),
    })
    expect(scores.get('m4')).toMatchObject({ score: 100, riskLevel: 'red' })
    expect(scoreTree(tree, { ...none, thresholds: { blue: 1, yellow: 2, orange: 3, red: 4 }, alarms: new Map([['m4', ['heat']]]) }).get('m4')?.riskLevel).toBe('red')
  })

  it('scores every node, quiet ones green at 0', () => {
    const scores = scoreTree(tree, none)
    expect(scores.size).toBe(tree.nodes.length)
    expect([...scores.values()].every((n) => n.score === 0 && n.riskLevel === 'green')).toBe(true)
  })
})
