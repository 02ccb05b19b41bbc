import { describe, expect, it } from 'vitest'
import type { RiskLevel, RiskNode } from '../../domain/risk.ts'
import { inStreet, partShares, streetRisk, streetWarnings } from './street-risk.ts'

const STREET = '510108001'
const OTHER = '510108002'

function node(id: string, level: RiskNode['level'], score: number, riskLevel: RiskLevel): RiskNode {
  return { id, level, score, riskLevel, parts: { events: score / 2, alarms: 0, vulnerability: score / 2 } }
}

const nodes = new Map(
  [
    node('510108', 'district', 30, 'blue'),
    node(STREET, 'street', 45, 'yellow'),
    node(`${STREET}001`, 'community', 70, 'orange'),
    node(`${STREET}001001`, 'grid', 85, 'red'),
    node(`${STREET}001002`, 'grid', 62, 'orange'),
    node(`${STREET}002001`, 'grid', 62, 'orange'),
    node(`${STREET}002002`, 'grid', 10, 'green'),
    node(`${STREET}002003`, 'grid', 25, 'blue'),
    node(`${STREET}002004`, 'grid', 12, 'green'),
    node(`${OTHER}001001`, 'grid', 99, 'red'),
  ].map((n) => [n.id, n]),
)

describe('inStreet', () => {
  it('goes by the id path, the street itself included', () => {
    expect(inStreet(`${STREET}001001`, STREET)).toBe(true)
    expect(inStreet(STREET, STREET)).toBe(true)
    expect(inStreet(`${OTHER}001001`, STREET)).toBe(false)
    expect(inStreet('510108', STREET)).toBe(false)
  })
})

describe('streetRisk', () => {
  it("counts the street's grids by level, leaving other tiers and streets out", () => {
    const r = streetRisk(nodes, STREET)
    expect(r.counts).toEqual({ green: 2, blue: 1, yellow: 0, orange: 2, red: 1 })
    expect(r.grids).toBe(6)
    expect(r.street?.riskLevel).toBe('yellow')
  })

  it('lists the riskiest grids highest first, equal scores by id, at most the number asked for', () => {
    const r = streetRisk(nodes, STREET, 3)
    expect(r.riskiest.map((n) => n.id)).toEqual([`${STREET}001001`, `${STREET}001002`, `${STREET}002001`])
    expect(streetRisk(nodes, STREET).riskiest).toHaveLength(5)
  })

  it('is empty, not failing, before the first frame', () => {
    const r = streetRisk(new Map(), STREET)
    expect(r.street).toBeNull()
    expect(r.grids).toBe(0)
    expect(r.riskiest).toEqual([])
    expect(Object.values(r.counts).every((n) => n === 0)).toBe(true)
  })
})

describe('streetWarnings', () => {
  it("keeps the street's warnings in the order held", () => {
    const list = [{ id: 'w3', streetId: STREET }, { id: 'w2', streetId: OTHER }, { id: 'w1', streetId: STREET }]
    expect(streetWarnings(list, STREET).map((w) => w.id)).toEqual(['w3', 'w1'])
  })
})

describe('partShares', () => {
  it('measures the parts against a score of 100', () => {
    expect(partShares({ events: 30, alarms: 0, vulnerability: 10 })).toEqual({ events: 0.3, alarms: 0, vulnerability: 0.1 })
  })

  it('scales parts that sum past 100 to fit the bar', () => {
    const s = partShares({ events: 60, alarms: 30, vulnerability: 10 })
    expect(s.events + s.alarms + s.vulnerability).toBeCloseTo(1)
    expect(s.events).toBeCloseTo(0.6)
  })
})
