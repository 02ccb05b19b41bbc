import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case } from '../../domain/cases.ts'
import { createCaseRepository, type CaseRecord } from './case-repository.ts'
import { storedEvent } from './test-events.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function fileDb(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-cases-'))
  dirs.push(dir)
  const db = new Database(join(dir, 'operations.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  return db
}

describe('case repository', () => {
  it('commits replayable writes without waiting for the disk, and is durable again afterwards, even after a failure', () => {
    const db = fileDb()
    const repo = createCaseRepository(db)
    const seen: number[] = []
    repo.replayableTransaction(() => {
      seen.push(db.pragma('synchronous', { simple: true }) as number)
      repo.setLastSeq(7)
    })
    expect(seen).toEqual([1]) // NORMAL inside
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL again
    expect(() => repo.replayableTransaction(() => {
      repo.setLastSeq(9)
      throw new Error('boom')
    })).toThrow('boom')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(repo.lastSeq()).toBe(7)
  })

  it('numbers cases across restarts without repeating one', () => {
    const db = fileDb()
    const first = createCaseRepository(db)
    expect([first.nextNumber(), first.nextNumber()]).toEqual([1, 2])
    expect(createCaseRepository(db).nextNumber()).toBe(3)
  })

  it('keeps eventIds in case_events, not in the stored document, and gives them back in attach order on every read', () => {
    const db = fileDb()
    const repo = createCaseRepository(db)
    const events = [storedEvent(), storedEvent(), storedEvent()]
    const c: Case = {
      id: 'C-0000001', status: 'new', tier: 'street', path: events[0]!.path, location: events[0]!.location, category: 'noise',
      source: 'hotline', severity: 'minor', title: '噪声扰民', eventIds: events.map((e) => e.id), eventCount: events.length, department: 'environment',
      openedAt: events[0]!.receivedAt, updatedAt: events[0]!.receivedAt,
      deadlines: { acceptBy: events[0]!.receivedAt, arriveBy: events[0]!.receivedAt, resolveBy: events[0]!.receivedAt }, escalations: 0, unitIds: [],
    }
    const record: CaseRecord = { case: c, key: 'hotline:noise', buildingId: null, lastEventAt: events[0]!.occurredAt, hotline: true }
    repo.transaction(() => {
      repo.save(record)
      for (const e of events) repo.attachEvent(c.id, e, e.receivedAt)
    })
    const stored = JSON.parse(db.prepare('SELECT doc FROM cases WHERE id = ?').pluck().get(c.id) as string) as Partial<Case>
    expect(stored.eventIds).toBeUndefined()
    expect(repo.get(c.id)?.case).toEqual(c)
    expect(repo.list({ limit: 10 })).toEqual([c])
    expect(repo.loadOpen().map((r) => r.case)).toEqual([c])
    // A document written before eventIds moved out still carries its own copy; case_events is what is read.
    db.prepare('UPDATE cases SET doc = ? WHERE id = ?').run(JSON.stringify({ ...c, eventIds: ['stale'] }), c.id)
    expect(repo.get(c.id)?.case.eventIds).toEqual(c.eventIds)
    // A case with no rows in case_events (none can be made so, but a hand-edited file could) reads as none.
    repo.transaction(() => repo.save({ ...record, case: { ...c, id: 'C-0000002', eventIds: [] } }))
    expect(repo.get('C-0000002')?.case.eventIds).toEqual([])
  })
})
