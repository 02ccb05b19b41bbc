/**
 * Early warnings (风险预警, DESIGN §2.4): a grid (一般网格) crossing into a higher level raises one, once
 * that level is yellow or above: green to blue is the ordinary ebb and flow of a day, not news. A
 * grid hovering at a threshold would raise one every few minutes, so a rise warns only above the
 * level last warned of, or once `cooldownMs` has passed since that warning. The first scores after a
 * boot are the baseline: what rose while the server was down is not announced late. Warnings are kept
 * in the operations database, for the post and the briefing to read.
 */
import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { riskRank, type RiskLevel, type RiskNode, type RiskWarning } from '../../domain/risk.ts'

interface Row {
  id: string
  grid_id: string
  street_id: string
  name: string
  from_level: RiskLevel
  to_level: RiskLevel
  score: number
  at: string
}

/** The lowest level worth a warning. */
const WARN_FROM = riskRank('yellow')

const toWarning = (r: Row): RiskWarning => ({
  id: r.id, gridId: r.grid_id, streetId: r.street_id, name: r.name, from: r.from_level, to: r.to_level, score: r.score, at: r.at,
})

export interface RiskWarnings {
  /** Compares the grids' levels with the last observation; returns (and stores) the warnings raised. */
  observe(grids: Iterable<RiskNode>, nowMs: number): RiskWarning[]
  /** Newest first, in a street or the whole district. */
  latest(limit: number, street?: string): RiskWarning[]
  /** How many were raised in `[since, until)`, and the newest `limit` of them. */
  between(q: { since: string; until: string; street?: string; limit: number }): { count: number; latest: RiskWarning[] }
}

export function createRiskWarnings(
  db: Database.Database,
  opts: { cooldownMs: number; nameOf: (gridId: string) => string; streetOf: (gridId: string) => string },
): RiskWarnings {
  db.exec(`
    CREATE TABLE IF NOT EXISTS risk_warnings (
      id TEXT PRIMARY KEY,
      grid_id TEXT NOT NULL,
      street_id TEXT NOT NULL,
      name TEXT NOT NULL,
      from_level TEXT NOT NULL,
      to_level TEXT NOT NULL,
      score REAL NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS risk_warnings_at ON risk_warnings (at);
    CREATE INDEX IF NOT EXISTS risk_warnings_street_at ON risk_warnings (street_id, at);
  `)
  const insert = db.prepare('INSERT INTO risk_warnings (id, grid_id, street_id, name, from_level, to_level, score, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const latestAll = db.prepare<[number], Row>('SELECT * FROM risk_warnings ORDER BY at DESC, id LIMIT ?')
  const latestStreet = db.prepare<[string, number], Row>('SELECT * FROM risk_warnings WHERE street_id = ? ORDER BY at DESC, id LIMIT ?')
  const since = db.prepare<[string], Row>('SELECT * FROM risk_warnings WHERE at >= ? ORDER BY at')
  const RANGE = 'at >= @since AND at < @until AND (@street IS NULL OR street_id = @street)'
  const countBetween = db.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM risk_warnings WHERE ${RANGE}`).pluck()
  const latestBetween = db.prepare<Record<string, unknown>, Row>(`SELECT * FROM risk_warnings WHERE ${RANGE} ORDER BY at DESC, id LIMIT @limit`)

  const levels = new Map<string, RiskLevel>()
  // What each grid was last warned of, within the cooldown: read back, so a restart does not warn again.
  const warned = new Map<string, { rank: number; atMs: number }>()
  for (const r of since.all(new Date(Date.now() - opts.cooldownMs).toISOString())) {
    warned.set(r.grid_id, { rank: riskRank(r.to_level), atMs: Date.parse(r.at) })
  }
  let baseline = true

  function observe(grids: Iterable<RiskNode>, nowMs: number): RiskWarning[] {
    const raised: RiskWarning[] = []
    for (const g of grids) {
      const before = levels.get(g.id)
      levels.set(g.id, g.riskLevel)
      const rank = riskRank(g.riskLevel)
      if (baseline || before === undefined || rank <= riskRank(before) || rank < WARN_FROM) continue
      const last = warned.get(g.id)
      if (last && rank <= last.rank && nowMs - last.atMs < opts.cooldownMs) continue
      warned.set(g.id, { rank, atMs: nowMs })
      raised.push({
        id: randomUUID(), gridId: g.id, streetId: opts.streetOf(g.id), name: opts.nameOf(g.id),
        from: before, to: g.riskLevel, score: g.score, at: new Date(nowMs).toISOString(),
      })
    }
    baseline = false
    if (raised.length > 0) {
      db.transaction(() => {
        for (const w of raised) insert.run(w.id, w.gridId, w.streetId, w.name, w.from, w.to, w.score, w.at)
      })()
    }
    return raised
  }

  return {
    observe,
    latest: (limit, street) => (street ? latestStreet.all(street, limit) : latestAll.all(limit)).map(toWarning),
    between(q) {
      const params = { since: q.since, until: q.until, street: q.street ?? null }
      return { count: countBetween.get(params) ?? 0, latest: latestBetween.all({ ...params, limit: q.limit }).map(toWarning) }
    },
  }
}
