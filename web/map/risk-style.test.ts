import { describe, expect, it } from 'vitest'
import type { LayerSpecification } from 'maplibre-gl'
import { DEFAULT_RISK_THRESHOLDS, RISK_LEVELS } from '../../domain/risk.ts'
import { baseStyle, districtLayers, LAYERS, STREET_TINTS } from './district-style.ts'
import { TIER_LAYERS, tierLayers } from './tier-style.ts'
import {
  byScene, inForecastScene, inRiskScene, isRiskScene, MAP_SCENES, NO_RISK_COLOR, RISK_COLORS, riskColor, riskLegend, SCENE_STATE, shownScore,
} from './risk-style.ts'
import { riskStateChanges } from './risk-states.ts'

/** A `match` expression as its table: input value → output, plus the fallback under `*`. */
function matchTable(expr: unknown): Record<string, unknown> {
  const [op, , ...rest] = expr as unknown[]
  expect(op).toBe('match')
  const table: Record<string, unknown> = { '*': rest.at(-1) }
  for (let i = 0; i + 1 < rest.length; i += 2) table[String(rest[i])] = rest[i + 1]
  return table
}

const fillPaint = (layers: LayerSpecification[], id: string) => {
  const layer = layers.find((l) => l.id === id)
  if (layer?.type !== 'fill') throw new Error(`${id} is not a fill layer`)
  return layer.paint as Record<string, unknown>
}

describe('the risk scene', () => {
  it('colours a node by its five-colour level, and slate without one', () => {
    expect(matchTable(riskColor)).toEqual({ ...RISK_COLORS, '*': NO_RISK_COLOR })
    expect(JSON.stringify(riskColor)).toContain('["feature-state","risk"]')
  })

  it('reads the forecast level in the forecast scene and the level now otherwise', () => {
    const [op, state] = riskColor as unknown[]
    expect(op).toBe('match')
    expect(state).toEqual(['string', ['case', inForecastScene, ['feature-state', 'forecast'], ['feature-state', 'risk']], ''])
    expect(MAP_SCENES.filter(isRiskScene)).toEqual(['risk', 'forecast'])
  })

  it('has five distinct colours, none of them a street tint or the no-score slate', () => {
    const colours = RISK_LEVELS.map((l) => RISK_COLORS[l].toLowerCase())
    expect(new Set(colours).size).toBe(5)
    for (const c of colours) {
      expect(STREET_TINTS.map((t) => t.toLowerCase())).not.toContain(c)
      expect(c).not.toBe(NO_RISK_COLOR)
    }
  })

  it('is one global-state key, declared in the style with the events scene as its default', () => {
    expect(baseStyle().state).toEqual({ [SCENE_STATE]: { default: 'events' } })
    expect(inRiskScene).toEqual(['!=', ['global-state', SCENE_STATE], 'events'])
    expect(inForecastScene).toEqual(['==', ['global-state', SCENE_STATE], 'forecast'])
    expect(byScene('#000', '#fff')).toEqual(['case', inRiskScene, '#fff', '#000'])
  })

  it('switches the street fill and every tier fill, colour and opacity, on the scene', () => {
    const fills = [fillPaint(districtLayers(), LAYERS.streetFill), ...Object.values(TIER_LAYERS).map((t) => fillPaint(tierLayers(), t.fill))]
    for (const paint of fills) {
      for (const prop of ['fill-color', 'fill-opacity']) {
        const [op, test] = paint[prop] as unknown[]
        expect([op, test]).toEqual(['case', inRiskScene])
      }
      expect(JSON.stringify(paint['fill-color'])).toContain(JSON.stringify(riskColor))
    }
  })

  it('lists the legend lowest first, each from the threshold it starts at', () => {
    expect(riskLegend(DEFAULT_RISK_THRESHOLDS).map((r) => [r.level, r.from, r.to, r.color])).toEqual([
      ['green', 0, 20, RISK_COLORS.green],
      ['blue', 20, 40, RISK_COLORS.blue],
      ['yellow', 40, 60, RISK_COLORS.yellow],
      ['orange', 60, 80, RISK_COLORS.orange],
      ['red', 80, null, RISK_COLORS.red],
    ])
    expect(riskLegend({ blue: 10, yellow: 30, orange: 50, red: 70 }).map((r) => r.from)).toEqual([0, 10, 30, 50, 70])
  })
})

describe('shownScore', () => {
  it('rounds down, so a printed score never reaches a threshold its colour has not', () => {
    expect(shownScore(59.6)).toBe(59)
    expect(shownScore(60)).toBe(60)
    expect(shownScore(0)).toBe(0)
  })
})

describe('riskStateChanges', () => {
  it('sets only the levels that changed, and clears the nodes that left the picture', () => {
    const sent = new Map([['a', 'green'], ['b', 'blue'], ['gone', 'red']] as const)
    const changes = riskStateChanges(sent, [
      { id: 'a', riskLevel: 'green' },
      { id: 'b', riskLevel: 'orange' },
      { id: 'new', riskLevel: 'yellow' },
    ])
    expect(changes).toEqual({ set: [['b', 'orange'], ['new', 'yellow']], clear: ['gone'] })
  })

  it('changes nothing when a frame repeats the picture', () => {
    const nodes = Array.from({ length: 995 }, (_, i) => ({ id: `g${i}`, riskLevel: 'blue' as const }))
    const sent = new Map(nodes.map((n) => [n.id, n.riskLevel]))
    expect(riskStateChanges(sent, nodes)).toEqual({ set: [], clear: [] })
  })
})
