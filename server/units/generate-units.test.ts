import { describe, expect, it } from 'vitest'
import { DEPARTMENTS } from '../../domain/cases.ts'
import { createLocator, generateDistrict, generateHierarchy } from '../../geo/index.ts'
import { generateUnits } from './generate-units.ts'

const SEED = 'chenghua-510108'
const AT = '2026-05-22T00:00:00.000Z'
const h = generateHierarchy(generateDistrict({ seed: SEED }))
const locator = createLocator(h)
const units = generateUnits(h, SEED, AT)

describe('generateUnits', () => {
  it('makes one grid worker per grid, two community workers per community, a squad and a team per department per street', () => {
    const byKind: Record<string, number> = {}
    for (const u of units) byKind[u.kind] = (byKind[u.kind] ?? 0) + 1
    expect(byKind).toEqual({ grid_worker: 995, community_worker: 166, emergency_squad: 11, department_team: 110 })
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length)
    for (const street of h.streets) {
      const teams = units.filter((u) => u.kind === 'department_team' && u.home.street === street.properties.id)
      expect(teams.map((u) => u.department).sort()).toEqual([...DEPARTMENTS].sort())
    }
  })

  it('starts every unit available at home, inside its own grid, community or street, with a Chinese name', () => {
    for (const u of units) {
      expect(u).toMatchObject({ status: 'available', caseId: null, statusSince: AT })
      const path = locator.locate(u.location.lng, u.location.lat).path
      expect(path.street).toBe(u.home.street)
      if (u.home.community) expect(path.community).toBe(u.home.community)
      if (u.home.grid) expect(path.grid).toBe(u.home.grid)
    }
    const grid = units.find((u) => u.kind === 'grid_worker')!
    expect(grid.name).toMatch(/^网格员 [\u4e00-\u9fa5]{2,3}$/)
    const street = h.streets[0]!.properties
    expect(units.find((u) => u.id === `DT-${street.id}-urban_management`)!.name).toBe(`城管执法 · ${street.name} 一队`)
  })

  it('is the same roster for the same seed, another for another seed', () => {
    expect(generateUnits(h, SEED, AT)).toEqual(units)
    const other = generateUnits(h, 'another-seed', AT)
    expect(other.map((u) => u.id)).toEqual(units.map((u) => u.id))
    expect(other.filter((u, i) => u.name !== units[i]!.name).length).toBeGreaterThan(units.length / 2)
  })
})
