import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWalCheckpointer } from './wal-checkpointer.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('WAL checkpointer', () => {
  it('copies committed pages into the database from its own thread, leaving the main connection only a backstop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridwatch-wal-'))
    dirs.push(dir)
    const file = join(dir, 'ops.sqlite')
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE t (x TEXT)')
    db.pragma('wal_checkpoint(TRUNCATE)')
    const checkpointer = startWalCheckpointer(db, 20)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000)
    const before = statSync(file).size
    const insert = db.prepare('INSERT INTO t VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200))
    })()
    // Far below the backstop: only the checkpointer can have moved these pages into the file.
    const deadline = Date.now() + 5000
    while (statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(statSync(file).size).toBeGreaterThan(before)
    await checkpointer.close()
    await checkpointer.close()
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2000)
    db.close()
  })
})
