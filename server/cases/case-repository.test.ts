import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCaseRepository } from './case-repository.ts'

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
})
