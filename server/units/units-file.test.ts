import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { jsonFiles } from '../../test/helpers/json-files.ts'
import { generateDistrict, generateHierarchy } from '../../geo/index.ts'
import { syncRoster } from './roster-sync.ts'
import { createUnitRepository } from './unit-repository.ts'
import { loadUnitsFile, type RosterEntry } from './units-file.ts'

const h = generateHierarchy(generateDistrict({ seed: 'chenghua-510108' }))
const street = h.streets[0]!.properties.id
const community = h.communities.find((c) => c.properties.parentId === street)!.properties.id
const grid = h.grids.find((g) => g.properties.parentId === community)!.properties.id
const otherStreet = h.streets[1]!.properties.id
const HERE = { lng: 104.1, lat: 30.66 }
const files = jsonFiles('units')
const write = files.write
const dir = files.dir
afterAll(files.remove)

const roster: RosterEntry[] = [
  { id: 'GW-1', kind: 'grid_worker', name: '网格员 王芳', home: { street, community, grid }, location: HERE },
  { id: 'CW-1', kind: 'community_worker', name: '社区工作者 李强', home: { street, community }, location: HERE },
  { id: 'FIRE-1', kind: 'department_team', name: '消防救援 一站', department: 'fire', home: { street }, location: HERE },
]

describe('loadUnitsFile', () => {
  it('reads a sound roster', () => {
    expect(loadUnitsFile(write(roster), h)).toEqual(roster)
  })

  it('names every problem at once, with the entry it is in', () => {
    const bad = [
      { ...roster[0], home: { street: '999999999', community, grid } },
      { ...roster[1], home: { street: otherStreet, community } },
      { ...roster[0], id: 'GW-2', home: { street, community: null, grid } },
      { ...roster[2], id: 'TEAM-2', department: 'navy' },
      { ...roster[1], id: 'CW-2', department: 'fire' },
      roster[2],
      roster[2],
    ]
    const message = (() => {
      try {
        loadUnitsFile(write(bad), h)
        return ''
      } catch (err) {
        return (err as Error).message
      }
    })()
    expect(message).toMatch(/^UNITS_FILE .*units-\d+\.json: /)
    expect(message).toContain(`[0] GW-1: home.street '999999999' is not a street of the district`)
    expect(message).toContain(`[1] CW-1: home.community '${community}' is not a community of street '${otherStreet}'`)
    expect(message).toContain(`[2] GW-2: home.grid '${grid}' is not a grid of community '(none)'`)
    expect(message).toContain('[3] TEAM-2: a department_team needs department')
    expect(message).toContain('[4] CW-2: only a department_team has a department')
    expect(message).toContain("[6] id 'FIRE-1' appears twice")
  })

  it('refuses what is not a roster: bad JSON, wrong shapes, out-of-range places', () => {
    expect(() => loadUnitsFile(write('[{'), h)).toThrow(/^UNITS_FILE .*JSON/)
    expect(() => loadUnitsFile(write({ units: roster }), h)).toThrow(/^UNITS_FILE .*Expected array/)
    expect(() => loadUnitsFile(write([{ ...roster[0], location: { lng: 200, lat: 30 } }]), h)).toThrow(/\/0\/location\/lng/)
    expect(() => loadUnitsFile(write([{ ...roster[0], kind: 'navy' }]), h)).toThrow(/\/0\/kind/)
    expect(() => loadUnitsFile(join(dir, 'missing.json'), h)).toThrow(/^UNITS_FILE .*ENOENT/)
  })
})

describe('syncRoster', () => {
  it('adds new units, updates listed ones in place, removes the unlisted unless they are on a case', () => {
    const repo = createUnitRepository(new Database(':memory:'))
    expect(repo.transaction(() => syncRoster(repo, roster, 'T0'))).toEqual({ added: 3, updated: 0, removed: 0, kept: [] })
    expect(repo.all().map((r) => [r.unit.id, r.unit.status, r.unit.statusSince])).toEqual([['CW-1', 'available', 'T0'], ['FIRE-1', 'available', 'T0'], ['GW-1', 'available', 'T0']])
    // The fire team is out on a case, and the grid worker has moved.
    const fire = repo.all().find((r) => r.unit.id === 'FIRE-1')!
    repo.save({ ...fire, unit: { ...fire.unit, status: 'en_route', caseId: 'C-0000001' } })
    const gw = repo.all().find((r) => r.unit.id === 'GW-1')!
    repo.save({ ...gw, unit: { ...gw.unit, location: { lng: 104.2, lat: 30.7 } } })

    // The next file renames the grid worker, drops the community worker and the fire team, adds a squad.
    const next: RosterEntry[] = [
      { ...roster[0]!, name: '网格员 王芳芳' },
      { id: 'ES-1', kind: 'emergency_squad', name: '应急小分队', home: { street }, location: HERE },
    ]
    expect(repo.transaction(() => syncRoster(repo, next, 'T1'))).toEqual({ added: 1, updated: 1, removed: 1, kept: ['FIRE-1'] })
    const byId = new Map(repo.all().map((r) => [r.unit.id, r.unit]))
    expect([...byId.keys()].sort()).toEqual(['ES-1', 'FIRE-1', 'GW-1'])
    expect(byId.get('GW-1')).toMatchObject({ name: '网格员 王芳芳', location: { lng: 104.2, lat: 30.7 }, updatedAt: 'T1', statusSince: 'T0' })
    expect(byId.get('FIRE-1')).toMatchObject({ status: 'en_route', caseId: 'C-0000001' })
    // Applying the same file again changes nothing.
    expect(repo.transaction(() => syncRoster(repo, next, 'T2'))).toEqual({ added: 0, updated: 0, removed: 0, kept: ['FIRE-1'] })
  })
})
