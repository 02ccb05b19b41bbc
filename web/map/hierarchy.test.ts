import { describe, expect, it } from 'vitest'
import type { FeatureCollection, Polygon } from 'geojson'
import type { NodeProps } from '../../domain/geo.ts'
import {
  breadcrumb, childLevel, childrenOf, focusOf, levelOfId, parentIdOf, pathIds, tierPlans, tiersNeeded, nodeCounts,
} from './hierarchy.ts'
import { tierLayers, tierView, TIER_SOURCES } from './tier-style.ts'

const D = '510108'
const S = '510108001'
const C = '510108001002'
const G = '510108001002003'
const M = '510108001002003004'

const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }
function nodes(...rows: [string, string, string | null][]): FeatureCollection<Polygon, NodeProps> {
  return {
    type: 'FeatureCollection',
    features: rows.map(([id, name, parentId]) => ({
      type: 'Feature', id, geometry: square, properties: { id, name, level: levelOfId(id)!, parentId },
    })),
  }
}

describe('ids and levels', () => {
  it('reads the level from the id length', () => {
    expect([D, S, C, G, M].map(levelOfId)).toEqual(['district', 'street', 'community', 'grid', 'microgrid'])
    expect(levelOfId('5101')).toBeNull()
    expect(levelOfId('5101080011')).toBeNull()
  })

  it('lists the path district first, and the parent', () => {
    expect(pathIds(G)).toEqual([D, S, C, G])
    expect(pathIds('bogus')).toEqual([])
    expect(parentIdOf(M)).toBe(G)
    expect(parentIdOf(D)).toBeNull()
  })

  it('knows the level below, and that the micro-grid is the leaf', () => {
    expect(childLevel('district')).toBe('street')
    expect(childLevel('microgrid')).toBeNull()
  })
})

describe('breadcrumb', () => {
  const names = new Map([[D, '成华区'], [S, '猛追湾街道'], [C, '桃蹊路社区'], [G, '第3网格']])

  it('names every level from the district down to the selection', () => {
    expect(breadcrumb(G, (id) => names.get(id)).map((c) => c.name).join(' › ')).toBe('成华区 › 猛追湾街道 › 桃蹊路社区 › 第3网格')
    expect(breadcrumb(S, (id) => names.get(id)).map((c) => c.level)).toEqual(['district', 'street'])
  })

  it('is just the district at rest', () => {
    expect(breadcrumb(D, (id) => names.get(id))).toEqual([{ id: D, level: 'district', name: '成华区' }])
  })

  it('falls back to the id for a name not loaded yet', () => {
    expect(breadcrumb(M, (id) => names.get(id)).at(-1)).toEqual({ id: M, level: 'microgrid', name: M })
  })
})

describe('what the map shows', () => {
  it('focuses on the children, or on a micro-grid’s siblings', () => {
    expect(focusOf(D)).toEqual({ parentId: D, level: 'street' })
    expect(focusOf(C)).toEqual({ parentId: C, level: 'grid' })
    expect(focusOf(M)).toEqual({ parentId: G, level: 'microgrid' })
    expect(focusOf('x')).toBeNull()
  })

  it('draws no lower tier at rest, and only the focus’s children when drilled', () => {
    expect(tierPlans(D, false)).toEqual({ community: { mode: 'hidden' }, grid: { mode: 'hidden' }, microgrid: { mode: 'hidden' } })
    expect(tierPlans(S, false)).toEqual({
      community: { mode: 'focus', parentId: S }, grid: { mode: 'hidden' }, microgrid: { mode: 'hidden' },
    })
  })

  it('outlines the selected node among its siblings above the focus', () => {
    expect(tierPlans(G, false)).toEqual({
      community: { mode: 'context', parentId: S },
      grid: { mode: 'context', parentId: C },
      microgrid: { mode: 'focus', parentId: G },
    })
    expect(tierPlans(M, false).microgrid).toEqual({ mode: 'focus', parentId: G })
  })

  it('outlines every micro-grid when switched on, unless they are the focus', () => {
    expect(tierPlans(D, true).microgrid).toEqual({ mode: 'all' })
    expect(tierPlans(S, true).microgrid).toEqual({ mode: 'all' })
    expect(tierPlans(G, true).microgrid).toEqual({ mode: 'focus', parentId: G })
  })

  it('fetches only the tiers a view draws', () => {
    expect(tiersNeeded(D, false)).toEqual([])
    expect(tiersNeeded(S, false)).toEqual(['community'])
    expect(tiersNeeded(C, false)).toEqual(['community', 'grid'])
    expect(tiersNeeded(D, true)).toEqual(['microgrid'])
  })

  it('filters children by parentId', () => {
    const fc = nodes([C, '桃蹊路社区', S], ['510108002001', '别的社区', '510108002'], ['510108001005', '双林社区', S])
    expect(childrenOf(fc, S).map((f) => f.properties.name)).toEqual(['桃蹊路社区', '双林社区'])
    expect(childrenOf(null, S)).toEqual([])
  })
})

describe('nodeCounts', () => {
  it('reads each child from the roll-up, zeros included, with shares of the busiest', () => {
    const byNode = { [D]: 6, [S]: 4, [C]: 2, '510108001005': 1, '510108002': 2, '510108002001': 2 }
    expect(Object.fromEntries(nodeCounts(byNode, [C, '510108001005', '510108001009']))).toEqual({
      [C]: { count: 2, share: 1 },
      '510108001005': { count: 1, share: 0.5 },
      '510108001009': { count: 0, share: 0 },
    })
  })

  it('is all zero on a quiet day', () => {
    expect(nodeCounts({}, [S]).get(S)).toEqual({ count: 0, share: 0 })
  })
})

describe('tier layers', () => {
  it('are fill, line and edge per tier over our own sources, with no text', () => {
    const layers = tierLayers()
    expect(layers).toHaveLength(9)
    expect(layers.some((l) => l.type === 'symbol')).toBe(false)
    const known = new Set(Object.values(TIER_SOURCES))
    for (const l of layers) expect('source' in l && known.has(l.source as string)).toBe(true)
    // Hidden until a drill-down or the switch asks for them.
    for (const l of layers) expect(l.layout?.visibility).toBe('none')
  })

  it('filter by parent for focus and context, not at all for every micro-grid', () => {
    expect(tierView({ mode: 'focus', parentId: S })).toMatchObject({ filter: ['==', ['get', 'parentId'], S], fill: true, line: true })
    expect(tierView({ mode: 'context', parentId: S })).toMatchObject({ fill: false, line: true })
    expect(tierView({ mode: 'all' })).toMatchObject({ filter: null, fill: false, line: true })
    expect(tierView({ mode: 'hidden' })).toMatchObject({ fill: false, line: false })
  })
})
