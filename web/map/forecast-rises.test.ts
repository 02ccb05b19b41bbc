import { describe, expect, it } from 'vitest'
import type { RiskForecast, RiskLevel } from '../../domain/risk.ts'
import { forecastRises } from './forecast-rises.ts'

const parts = { events: 0, alarms: 0, vulnerability: 0 }
const f = (score: number, riskLevel: RiskLevel): RiskForecast => ({ score, riskLevel, parts })
const GRID_A = '510108001001001'
const GRID_B = '510108001001002'
const GRID_C = '510108002003004'
const STREET = '510108001'
const MICROGRID = '510108001001001001'

describe('forecastRises', () => {
  it('lists the grids forecast above their level now, worst forecast first', () => {
    const now = new Map<string, RiskLevel>([[GRID_A, 'yellow'], [GRID_B, 'green'], [GRID_C, 'blue']])
    const forecasts = new Map([[GRID_A, f(66, 'orange')], [GRID_B, f(25, 'blue')], [GRID_C, f(85, 'red')]])
    expect(forecastRises(forecasts, (id) => now.get(id))).toEqual([
      { gridId: GRID_C, from: 'blue', to: 'red', score: 85 },
      { gridId: GRID_A, from: 'yellow', to: 'orange', score: 66 },
      { gridId: GRID_B, from: 'green', to: 'blue', score: 25 },
    ])
  })

  it('leaves out grids forecast level or lower, grids with no level now, and other tiers', () => {
    const now = new Map<string, RiskLevel>([[GRID_A, 'orange'], [GRID_B, 'red'], [STREET, 'green'], [MICROGRID, 'green']])
    const forecasts = new Map([
      [GRID_A, f(70, 'orange')], [GRID_B, f(50, 'yellow')], [GRID_C, f(90, 'red')],
      [STREET, f(90, 'red')], [MICROGRID, f(90, 'red')],
    ])
    expect(forecastRises(forecasts, (id) => now.get(id))).toEqual([])
  })

  it('orders ties by id, so the list holds still between loads', () => {
    const forecasts = new Map([[GRID_B, f(45, 'yellow')], [GRID_A, f(45, 'yellow')]])
    expect(forecastRises(forecasts, () => 'green').map((r) => r.gridId)).toEqual([GRID_A, GRID_B])
  })
})
