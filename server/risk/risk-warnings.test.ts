import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { RiskLevel, RiskNode } from '../../domain/risk.ts'
import { createRiskWarnings } from './risk-warnings.ts'

const HOUR = 3_600_000
const grid = (id: string, riskLevel: RiskLevel, score = 50): RiskNode =>
  ({ id, level: 'grid', score, riskLevel, parts: { events: score, alarms: 0, vulnerability: 0 } })
const open = (db = new Database(':memory:')) =>
  createRiskWarnings(db, { cooldownMs: 6 * HOUR, nameOf: (id) => `网格 ${id}`, streetOf: () => '510108001' })

describe('risk warnings', () => {
  it('takes the first scores as the baseline, then warns of a rise to yellow or above', () => {
    const w = open()
    const now = Date.now()
    expect(w.observe([grid('a', 'orange'), grid('b', 'green')], now)).toEqual([])
    expect(w.observe([grid('a', 'orange'), grid('b', 'blue')], now + 1)).toEqual([])
    const raised = w.observe([grid('a', 'red'), grid('b', 'yellow')], now + 2)
    expect(raised.map((r) => [r.gridId, r.from, r.to])).toEqual([['a', 'orange', 'red'], ['b', 'blue', 'yellow']])
    expect(raised[0]).toMatchObject({ name: '网格 a', streetId: '510108001', score: 50 })
    expect(w.latest(10).map((r) => r.gridId).sort()).toEqual(['a', 'b'])
    expect(w.latest(10, '510108002')).toEqual([])
  })

  it('does not warn again of a level a grid hovers at within the cooldown, but does of a higher one, and after it', () => {
    const w = open()
    const t0 = Date.now()
    w.observe([grid('a', 'blue')], t0)
    expect(w.observe([grid('a', 'yellow')], t0 + 1)).toHaveLength(1)
    w.observe([grid('a', 'blue')], t0 + 2)
    expect(w.observe([grid('a', 'yellow')], t0 + 3)).toEqual([])
    expect(w.observe([grid('a', 'orange')], t0 + 4)).toHaveLength(1)
    w.observe([grid('a', 'blue')], t0 + 5)
    expect(w.observe([grid('a', 'yellow')], t0 + 7 * HOUR)).toHaveLength(1)
  })

  it('remembers across a restart what it warned of', () => {
    const db = new Database(':memory:')
    const t0 = Date.now()
    const first = open(db)
    first.observe([grid('a', 'blue')], t0)
    first.observe([grid('a', 'orange')], t0 + 1)
    const second = open(db)
    second.observe([grid('a', 'blue')], t0 + 2)
    expect(second.observe([grid('a', 'orange')], t0 + 3)).toEqual([])
    expect(second.latest(5)).toHaveLength(1)
  })
})
