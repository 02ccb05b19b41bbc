import { describe, expect, it } from 'vitest'
import { DEFAULT_RISK_THRESHOLDS, type RiskFrame, type RiskLevel, type RiskNode, type RiskWarning } from '../../domain/risk.ts'
import { applyRiskFrame, RISK_WARNINGS_KEPT } from './apply-risk.ts'

const node = (id: string, riskLevel: RiskLevel, score: number): RiskNode => ({
  id,
  level: id.length === 9 ? 'street' : 'grid',
  score,
  riskLevel,
  parts: { events: score, alarms: 0, vulnerability: 10 },
})

const warning = (n: number, gridId = '510108001001001'): RiskWarning => ({
  id: `RW-${n}`, gridId, name: `第${n}网格`, streetId: gridId.slice(0, 9), from: 'blue', to: 'orange', score: 65,
  at: new Date(Date.UTC(2026, 11, 7, 2, n)).toISOString(),
})

const frame = (over: Partial<RiskFrame>): RiskFrame => ({
  seq: 1, at: '2026-12-07T02:00:00.000Z', full: false, thresholds: DEFAULT_RISK_THRESHOLDS, nodes: [], warnings: [], ...over,
})

const street = node('510108001', 'blue', 25)
const gridA = node('510108001001001', 'green', 5)
const gridB = node('510108001001002', 'yellow', 45)

describe('applyRiskFrame', () => {
  it('takes a full frame as the whole picture', () => {
    const p = applyRiskFrame(null, frame({ full: true, nodes: [street, gridA], warnings: [warning(2), warning(1)] }))
    expect([...p.nodes.keys()]).toEqual([street.id, gridA.id])
    expect(p.warnings.map((w) => w.id)).toEqual(['RW-2', 'RW-1'])
    expect(p.thresholds).toEqual(DEFAULT_RISK_THRESHOLDS)
  })

  it('replaces on a full frame: nodes and warnings it no longer has are gone', () => {
    const before = applyRiskFrame(null, frame({ full: true, nodes: [street, gridA, gridB], warnings: [warning(1)] }))
    const after = applyRiskFrame(before, frame({ full: true, at: '2026-12-07T02:01:00.000Z', nodes: [gridA], warnings: [] }))
    expect([...after.nodes.keys()]).toEqual([gridA.id])
    expect(after.warnings).toEqual([])
  })

  it('merges a delta by node id and keeps the nodes it does not mention', () => {
    const before = applyRiskFrame(null, frame({ full: true, nodes: [street, gridA, gridB] }))
    const hotter = node(gridA.id, 'orange', 66)
    const after = applyRiskFrame(before, frame({ at: '2026-12-07T02:00:30.000Z', nodes: [hotter] }))
    expect(after.nodes.get(gridA.id)).toEqual(hotter)
    expect(after.nodes.get(gridB.id)).toBe(gridB)
    expect(after.nodes.size).toBe(3)
    expect(before.nodes.get(gridA.id)).toBe(gridA)
    expect(after.at).toBe('2026-12-07T02:00:30.000Z')
  })

  it('prepends a delta\'s warnings, newest first, once each, keeping the most recent few', () => {
    const held = Array.from({ length: RISK_WARNINGS_KEPT }, (_, i) => warning(RISK_WARNINGS_KEPT - i))
    const before = applyRiskFrame(null, frame({ full: true, warnings: held }))
    const after = applyRiskFrame(before, frame({ at: '2026-12-07T03:00:00.000Z', warnings: [warning(40), warning(20)] }))
    expect(after.warnings.length).toBe(RISK_WARNINGS_KEPT)
    expect(after.warnings.slice(0, 3).map((w) => w.id)).toEqual(['RW-40', 'RW-20', 'RW-19'])
    expect(after.warnings.filter((w) => w.id === 'RW-20')).toHaveLength(1)
    expect(after.warnings.at(-1)?.id).toBe('RW-2')
  })

  it('keeps the untouched part\'s identity, so its watchers stay asleep', () => {
    const before = applyRiskFrame(null, frame({ full: true, nodes: [street], warnings: [warning(1)] }))
    const onlyNodes = applyRiskFrame(before, frame({ at: '2026-12-07T02:00:10.000Z', nodes: [node(street.id, 'red', 90)] }))
    expect(onlyNodes.warnings).toBe(before.warnings)
    const onlyWarnings = applyRiskFrame(onlyNodes, frame({ at: '2026-12-07T02:00:20.000Z', warnings: [warning(2)] }))
    expect(onlyWarnings.nodes).toBe(onlyNodes.nodes)
  })

  it('ignores a delta older than the picture, and starts from an empty one when no full frame came first', () => {
    const before = applyRiskFrame(null, frame({ full: true, at: '2026-12-07T02:05:00.000Z', nodes: [gridA] }))
    expect(applyRiskFrame(before, frame({ at: '2026-12-07T02:04:00.000Z', nodes: [node(gridA.id, 'red', 99)] }))).toBe(before)
    const fromNothing = applyRiskFrame(null, frame({ nodes: [gridB] }))
    expect([...fromNothing.nodes.keys()]).toEqual([gridB.id])
  })
})
