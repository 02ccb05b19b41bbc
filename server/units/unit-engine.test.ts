import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Unit } from '../../domain/units.ts'
import { createCaseEngine } from '../cases/case-engine.ts'
import { createCaseRepository } from '../cases/case-repository.ts'
import { offset, storedEvent } from '../cases/test-events.ts'
import { createUnitEngine } from './unit-engine.ts'
import { createUnitRepository } from './unit-repository.ts'

const T0 = Date.parse('2026-05-22T10:00:00Z')
const SCENE = { lng: 104.1, lat: 30.66 }
const STREET = '510108001'

function unit(id: string, over: Partial<Unit> = {}): Unit {
  return {
    id, kind: 'grid_worker', name: `网格员 ${id}`, department: null, home: { street: STREET, community: null, grid: null },
    status: 'available', location: offset(SCENE, 1000, 0), caseId: null, statusSince: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString(), ...over,
  }
}

/** A case engine and a unit engine over one in-memory database, on a clock the test moves. */
function setup() {
  const db = new Database(':memory:')
  let nowMs = T0
  const now = () => new Date(nowMs)
  const cases = createCaseEngine(createCaseRepository(db), { windowMs: 15 * 60_000, radiusM: 150, now })
  const repo = createUnitRepository(db)
  for (const u of [unit('GW-1'), unit('GW-2'), unit('DT-police', { kind: 'department_team', department: 'police' })]) {
    repo.save({ unit: u, dispatchedFrom: null, fixAt: null })
  }
  const errors: unknown[] = []
  const units = createUnitEngine(repo, { cases, clearedForMs: 5 * 60_000, now, onError: (e) => errors.push(e) })
  cases.linkUnits(units.caseLink)
  const frames: string[][] = []
  units.onChange((us) => frames.push(us.map((u) => `${u.id}:${u.status}`)))
  let n = 0
  // Each in its own micro-grid, so none joins another.
  const open = (over = {}) => cases.consider([storedEvent({
    location: SCENE, occurredAt: now().toISOString(), receivedAt: now().toISOString(),
    path: { district: '510108', street: STREET, community: null, grid: null, microgrid: `MG-${++n}` }, ...over,
  })])[0]!.case
  return { db, cases, units, repo, frames, errors, open, tick: (min: number) => (nowMs += min * 60_000), now }
}

describe('unit engine', () => {
  it('follows its case: dispatched, en route on accept, on scene on arrive, cleared on resolve, available later', () => {
    const { cases, units, frames, open, tick } = setup()
    const c = open()
    expect(cases.act(c.id, { action: 'dispatch', unitId: 'GW-1' }, 'district')).toMatchObject({ ok: true, case: { status: 'assigned', unitIds: ['GW-1'] } })
    expect(units.get('GW-1')).toMatchObject({ status: 'dispatched', caseId: c.id })
    expect(frames).toEqual([['GW-1:dispatched']])
    // A unit cannot be on two cases at once.
    const other = open({ location: offset(SCENE, 3000, 0) })
    expect(cases.act(other.id, { action: 'dispatch', unitId: 'GW-1' }, 'district')).toMatchObject({ ok: false, status: 409, reason: expect.stringMatching(new RegExp(`on case ${c.id}`)) })
    cases.act(c.id, { action: 'accept' }, 'district')
    expect(units.get('GW-1')!.status).toBe('en_route')
    cases.act(c.id, { action: 'arrive' }, 'district')
    expect(units.get('GW-1')!.status).toBe('on_scene')
    cases.act(c.id, { action: 'resolve', note: '已处理' }, 'district')
    expect(units.get('GW-1')).toMatchObject({ status: 'cleared', caseId: null })
    expect(cases.get(c.id)!.unitIds).toEqual([])
    tick(4)
    expect(units.releaseCleared()).toEqual([])
    tick(1)
    expect(units.releaseCleared().map((u) => u.id)).toEqual(['GW-1'])
    expect(units.get('GW-1')!.status).toBe('available')
  })

  it('walks a unit by its fixes: en route once it moves 20 m, on scene within 50 m, and moves an accepted case on scene as the unit', () => {
    const { cases, units, open } = setup()
    const c = open()
    cases.act(c.id, { action: 'dispatch', unitId: 'GW-1' }, 'district')
    expect(units.applyFixes([{ unitId: 'GW-1', location: offset(SCENE, 990, 0) }])).toMatchObject({ accepted: 1, changed: [] })
    expect(units.applyFixes([{ unitId: 'GW-1', location: offset(SCENE, 900, 0) }]).changed.map((u) => u.status)).toEqual(['en_route'])
    cases.act(c.id, { action: 'accept' }, 'district')
    expect(units.applyFixes([{ unitId: 'GW-1', location: offset(SCENE, 30, 0) }]).changed.map((u) => u.status)).toEqual(['on_scene'])
    expect(cases.get(c.id)!.status).toBe('on_scene')
    expect(cases.audit(c.id).at(-1)).toMatchObject({ action: 'arrive', actor: 'unit:GW-1', from: 'accepted', to: 'on_scene' })
  })

  it('moves a case on scene when it is accepted after its unit already arrived', () => {
    const { cases, units, open, errors } = setup()
    const c = open()
    cases.act(c.id, { action: 'dispatch', unitId: 'GW-1' }, 'district')
    // It sets off and reaches the scene while the case still waits for someone to accept it.
    units.applyFixes([{ unitId: 'GW-1', location: offset(SCENE, 900, 0) }])
    expect(units.applyFixes([{ unitId: 'GW-1', location: offset(SCENE, 30, 0) }]).changed.map((u) => u.status)).toEqual(['on_scene'])
    expect(cases.get(c.id)!.status).toBe('assigned')
    cases.act(c.id, { action: 'accept' }, 'district')
    expect(cases.get(c.id)!.status).toBe('on_scene')
    expect(cases.audit(c.id).slice(-2)).toMatchObject([
      { action: 'accept', actor: 'district', to: 'accepted' },
      { action: 'arrive', actor: 'unit:GW-1', from: 'accepted', to: 'on_scene' },
    ])
    expect(units.get('GW-1')).toMatchObject({ status: 'on_scene', caseId: c.id })
    expect(errors).toEqual([])
  })

  it('ignores a fix older than the latest, and puts on scene only an en-route unit or one whose case is taken', () => {
    const { cases, units, open } = setup()
    const c = open()
    cases.act(c.id, { action: 'dispatch', unitId: 'GW-1' }, 'district')
    units.applyFixes([{ unitId: 'GW-1', location: offset(SCENE, 995, 0), at: '2026-05-22T10:00:30Z' }])
    expect(units.applyFixes([{ unitId: 'GW-1', location: SCENE, at: '2026-05-22T10:00:10Z' }])).toMatchObject({ accepted: 0, stale: 1 })
    expect(units.get('GW-1')!.location).toEqual(offset(SCENE, 995, 0))
    // A second unit already standing at the scene: dispatched, the case not yet accepted, so not on scene yet.
    const there = offset(SCENE, 5000, 0)
    const near = open({ location: there })
    units.applyFixes([{ unitId: 'GW-2', location: offset(there, 10, 0) }])
    cases.act(near.id, { action: 'dispatch', unitId: 'GW-2' }, 'district')
    units.applyFixes([{ unitId: 'GW-2', location: offset(there, 15, 0) }])
    expect(units.get('GW-2')!.status).toBe('dispatched')
    // Once the case is taken, the unit at the scene is on it, and so is the case.
    cases.act(near.id, { action: 'accept' }, 'district')
    units.applyFixes([{ unitId: 'GW-2', location: offset(there, 12, 0) }])
    expect(units.get('GW-2')!.status).toBe('on_scene')
    expect(cases.get(near.id)!.status).toBe('on_scene')
  })

  it('has a summoned team report by itself as it sets off and arrives, and flags a summons past due', () => {
    const { cases, units, open, tick } = setup()
    const c = open({ source: 'sensor', category: 'smoke', severity: 'extreme', attrs: { sensorId: 'S1', state: 'alarm' } })
    cases.act(c.id, { action: 'escalate' }, 'district')
    cases.act(c.id, { action: 'escalate' }, 'district')
    expect(cases.get(c.id)!.tier).toBe('street')
    const w = cases.act(c.id, { action: 'whistle', departments: ['police', 'water'] }, 'street-1')
    expect(w).toMatchObject({ ok: true, case: { unitIds: ['DT-police'] } })
    expect(units.get('DT-police')).toMatchObject({ status: 'dispatched', caseId: c.id })
    tick(5)
    units.applyFixes([{ unitId: 'DT-police', location: offset(SCENE, 500, 0) }])
    expect(cases.get(c.id)!.summons![0]).toMatchObject({ department: 'police', acceptedAt: new Date(T0 + 5 * 60_000).toISOString() })
    tick(26)
    expect(cases.flagLateSummons().map((x) => x.id)).toEqual([c.id])
    expect(cases.get(c.id)!.summons!.map((s) => [s.department, s.late])).toEqual([['police', true], ['water', true]])
    expect(cases.audit(c.id).at(-1)).toMatchObject({ action: 'report_late', actor: 'system', note: expect.stringMatching(/公安、水务：报到超时/) })
    expect(cases.flagLateSummons()).toEqual([])
    units.applyFixes([{ unitId: 'DT-police', location: offset(SCENE, 10, 0) }])
    expect(units.get('DT-police')!.status).toBe('on_scene')
    expect(cases.get(c.id)!.summons![0]).toMatchObject({ arrivedAt: new Date(T0 + 31 * 60_000).toISOString(), late: true })
    expect(cases.audit(c.id).at(-1)).toMatchObject({ action: 'report', actor: 'unit:DT-police' })
  })

  it('keeps statuses and positions in the database: a new engine over it sees the same roster', () => {
    const { cases, units, repo, open } = setup()
    const c = open()
    cases.act(c.id, { action: 'dispatch', unitId: 'GW-1' }, 'district')
    units.applyFixes([{ unitId: 'GW-1', location: offset(SCENE, 500, 0) }])
    const again = createUnitEngine(repo, { cases, clearedForMs: 0 })
    expect(again.list()).toEqual(units.list())
    expect(again.list({ status: 'en_route' }).map((u) => u.id)).toEqual(['GW-1'])
    expect(again.list({ department: 'police' }).map((u) => u.id)).toEqual(['DT-police'])
  })
})
