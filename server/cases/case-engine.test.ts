import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { CASE_EVENT_IDS_MAX } from '../../domain/cases.ts'
import { createCaseEngine } from './case-engine.ts'
import { createCaseRepository } from './case-repository.ts'
import { offset, storedEvent } from './test-events.ts'

const HERE = { lng: 104.1, lat: 30.66 }
const T0 = Date.parse('2026-05-22T10:00:00Z')
const at = (min: number) => new Date(T0 + min * 60_000).toISOString()
const OPTS = { windowMs: 15 * 60_000, radiusM: 150, now: () => new Date(T0 + 30 * 60_000) }

const smokeAlarm = (min: number) => storedEvent({
  source: 'sensor', category: 'smoke', severity: 'severe', occurredAt: at(min), receivedAt: at(min), location: HERE,
  title: '烟感报警', attrs: { sensorId: 'SEN-1', state: 'alarm', buildingId: 'B1' },
})
const call = (min: number, east: number, north: number, category = 'cooking_fumes') => storedEvent({
  source: 'hotline', category, severity: 'minor', occurredAt: at(min), receivedAt: at(min), location: offset(HERE, east, north),
  path: { district: 'D', street: '510108001', community: 'C', grid: 'G', microgrid: `MG-${east}` },
})

describe('case engine', () => {
  it('makes a smoke alarm plus five calls from the block within 15 minutes one case with six events', () => {
    const db = new Database(':memory:')
    const engine = createCaseEngine(createCaseRepository(db), OPTS)
    const events = [smokeAlarm(0), call(2, 30, 20), call(4, -60, 40), call(7, 90, -30), call(9, 10, 100), call(13, -100, -50)]
    engine.consider(events.slice(0, 3))
    engine.consider(events.slice(3))
    expect(engine.openCount()).toBe(1)
    const [c] = engine.list({ limit: 10 })
    expect(c).toMatchObject({
      status: 'new', source: 'sensor', category: 'smoke', severity: 'severe', department: 'fire', title: '烟感报警',
      eventIds: events.map((e) => e.id), eventCount: events.length, openedAt: at(0), tier: 'street',
      deadlines: { acceptBy: at(3), arriveBy: at(15), resolveBy: at(120) },
    })
    expect(engine.caseOfEvent(events[4]!.id)?.id).toBe(c!.id)
    // Opened in the community (a fire alarm); five events made it a street matter before anyone was assigned.
    expect(engine.audit(c!.id).map((a) => [a.action, a.actor, a.note])).toEqual([
      ['open', 'system', `sensor:smoke ${events[0]!.id}`],
      ['reroute', 'system', 'community → street; 5 events'],
    ])
    // Considering the same events again (a replay) changes nothing.
    engine.consider(events)
    expect(engine.get(c!.id)!.eventIds).toHaveLength(6)
  })

  it('counts every event of a long-running case but carries only its latest ids, in memory and when read back', () => {
    const db = new Database(':memory:')
    const engine = createCaseEngine(createCaseRepository(db), OPTS)
    // A smoke detector stuck in alarm repeats every half minute and keeps its case's window open; a
    // neighbour calls 12345 at the start.
    const first = smokeAlarm(0)
    const caller = call(1, 30, 20)
    const repeats = Array.from({ length: 210 }, (_, i) => smokeAlarm(1.5 + i / 2))
    engine.consider([first, caller])
    for (let i = 0; i < repeats.length; i += 7) engine.consider(repeats.slice(i, i + 7))
    expect(engine.openCount()).toBe(1)
    const latest = repeats.slice(-CASE_EVENT_IDS_MAX).map((e) => e.id)
    const c = engine.caseOfEvent(first.id)!
    expect(c).toMatchObject({ eventCount: 212, eventIds: latest })
    expect(engine.detail(c.id)?.hotline).toBe(true)
    // Rebuilt from the database (past the repository's own trimming of long link lists) it reads the same.
    const again = createCaseEngine(createCaseRepository(db), OPTS)
    expect(again.get(c.id)).toMatchObject({ eventCount: 212, eventIds: latest })
    expect(again.detail(c.id)?.hotline).toBe(true)
    expect(again.caseOfEvent(caller.id)?.id).toBe(c.id)
  })

  it('keeps apart what is far, late, unrelated, or needs no handling', () => {
    const engine = createCaseEngine(createCaseRepository(new Database(':memory:')), OPTS)
    engine.consider([smokeAlarm(0)])
    engine.consider([call(20, 0, 10)]) // too late
    engine.consider([call(1, 600, 0)]) // too far
    engine.consider([call(1, 0, 10, 'dog_keeping')]) // unrelated
    engine.consider([storedEvent({ source: 'detection', category: 'dog_unleashed', attrs: { cameraId: 'C', confidence: 0.2, alerting: false } })])
    engine.consider([storedEvent({ source: 'sensor', category: 'smoke', attrs: { sensorId: 'S', state: 'fault' } })])
    expect(engine.list({ limit: 10 }).map((c) => c.eventIds.length)).toEqual([1, 1, 1, 1])
  })

  it('moves a case through actions, closes it out of the index, and rebuilds the index from the database', () => {
    const db = new Database(':memory:')
    const engine = createCaseEngine(createCaseRepository(db), OPTS)
    engine.consider([call(0, 0, 0, 'noise'), call(0, 2000, 0, 'noise')])
    const [a, b] = engine.list({ limit: 10, status: 'open' })
    for (const step of [{ action: 'assign' }, { action: 'accept' }, { action: 'resolve', note: '已处理' }] as const) {
      expect(engine.act(a!.id, step, 'street-510108001').ok).toBe(true)
    }
    expect(engine.openCount()).toBe(1)
    const changes: string[] = []
    const again = createCaseEngine(createCaseRepository(db), OPTS)
    again.onChange((cs) => changes.push(...cs.map((c) => `${c.kind}:${c.case.id}`)))
    expect(again.openCount()).toBe(1)
    expect(again.get(a!.id)).toMatchObject({ status: 'resolved', resolution: { note: '已处理', by: 'street-510108001' } })
    // A later call next to the open case joins it; next to the resolved one it opens a new case.
    again.consider([call(5, 2000, 5, 'noise'), call(5, 0, 5, 'noise')])
    expect(again.get(b!.id)!.eventIds).toHaveLength(2)
    expect(again.list({ limit: 10 })).toHaveLength(3)
    expect(changes.sort()).toEqual([`attached:${b!.id}`, 'opened:C-0000003'].sort())
    expect(again.audit(a!.id).map((x) => `${x.action}:${x.from}→${x.to}:${x.actor}`)).toEqual([
      'open:null→new:system', 'assign:new→assigned:street-510108001', 'accept:assigned→accepted:street-510108001',
      'resolve:accepted→resolved:street-510108001',
    ])
  })

  it('writes only the event row on an attach, and reads back what attaches changed after a restart', () => {
    const db = new Database(':memory:')
    const engine = createCaseEngine(createCaseRepository(db), OPTS)
    const gas = storedEvent({
      source: 'incident', category: 'fire_hazard', severity: 'moderate', occurredAt: at(0), receivedAt: at(0), location: HERE,
      path: { district: 'D', street: '510108001', community: 'C', grid: 'G', microgrid: 'MG-gas' },
    })
    const quiet = call(1, 3000, 0, 'noise')
    engine.consider([gas, quiet])
    const caseRow = db.prepare('SELECT doc FROM cases WHERE id = ?').pluck()
    const opened = caseRow.get('C-0000001')
    // A worse report from a caller six minutes later: the case grows more severe and more recent, but its row is untouched.
    const worse = storedEvent({ ...call(6, 20, 0, 'gas_supply'), severity: 'severe' })
    engine.consider([worse])
    expect(caseRow.get('C-0000001')).toBe(opened)
    const live = engine.get('C-0000001')!
    expect(live).toMatchObject({ severity: 'severe', updatedAt: at(6), eventIds: [gas.id, worse.id] })
    expect(engine.list({ limit: 2 }).map((c) => c.id)).toEqual(['C-0000001', 'C-0000002'])

    const again = createCaseEngine(createCaseRepository(db), OPTS)
    expect(again.get('C-0000001')).toEqual(live)
    expect(again.list({ limit: 2, status: 'open' })).toEqual([live, engine.get('C-0000002')])
    // The window runs from the latest event (minute 6), so a call at minute 20 still joins.
    again.consider([call(20, 0, 20, 'gas_supply')])
    expect(again.get('C-0000001')!.eventIds).toHaveLength(3)
    // The caller is remembered: resolving needs the 12345 return visit before closing.
    for (const step of [{ action: 'assign' }, { action: 'accept' }, { action: 'resolve', note: '已处理' }] as const) {
      expect(again.act('C-0000001', step, 'district').ok).toBe(true)
    }
    expect(again.act('C-0000001', { action: 'close' }, 'district')).toMatchObject({ ok: false, reason: expect.stringMatching(/回访/) })
  })

  // Its speed is measured in `npm run bench` (bench/case-engine.ts), not asserted here.
  it('attaches repeats to the right one of 10,000 open cases', () => {
    const engine = createCaseEngine(createCaseRepository(new Database(':memory:')), OPTS)
    const kinds = ['noise', 'road_damage', 'garbage_collection', 'elevator_fault']
    const spread = (i: number, min: number) => storedEvent({
      source: 'hotline', category: kinds[i % 4]!, occurredAt: at(min), receivedAt: at(min),
      location: offset(HERE, (i % 100) * 400, Math.floor(i / 100) * 400),
      path: { district: 'D', street: '510108001', community: 'C', grid: 'G', microgrid: `MG-${i}` },
    })
    for (let k = 0; k < 10; k++) engine.consider(Array.from({ length: 1000 }, (_, i) => spread(k * 1000 + i, 0)))
    expect(engine.openCount()).toBe(10_000)
    const batch = Array.from({ length: 4000 }, (_, i) => spread((i * 7) % 10_000, 5))
    for (let k = 0; k < 4; k++) engine.consider(batch.slice(k * 1000, (k + 1) * 1000))
    expect(engine.openCount()).toBe(10_000)
    expect(engine.caseOfEvent(batch[0]!.id)?.eventIds).toHaveLength(2)
  })
})

describe('SLA escalation sweep', () => {
  it('moves overdue cases up one tier, audited as the system, and not again until the next deadline', () => {
    let nowMs = T0
    const engine = createCaseEngine(createCaseRepository(new Database(':memory:')), { ...OPTS, now: () => new Date(nowMs) })
    engine.consider([call(0, 0, 0, 'noise')]) // minor noise: accept within 60 min
    const [c] = engine.list({ limit: 1 })
    nowMs = T0 + 30 * 60_000
    expect(engine.escalateOverdue()).toEqual([])
    nowMs = T0 + 61 * 60_000
    const [up] = engine.escalateOverdue()
    expect(up).toMatchObject({ id: c!.id, status: 'escalated', tier: 'community', escalations: 1 })
    expect(engine.escalateOverdue()).toEqual([])
    expect(engine.audit(c!.id).at(-1)).toMatchObject({ action: 'escalate', actor: 'system', note: '微网格 → 社区；SLA 接单超时' })
    nowMs += 2 * 60 * 60_000
    expect(engine.escalateOverdue().map((x) => x.tier)).toEqual(['street'])
    nowMs += 24 * 60 * 60_000
    expect(engine.escalateOverdue()).toEqual([])
  })
})
