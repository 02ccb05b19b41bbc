/**
 * The district's usual event load per micro-grid, followed slowly (a time constant of a week), so risk
 * colours mean "well above what is usual here": a district with ten times the events of another is not
 * red all over, yet a storm that doubles the events everywhere for an afternoon barely moves the
 * baseline, and shows. Until it has a week behind it, it is the mean of what it has seen so far (the
 * time constant is its age, from an hour up), so a fresh install learns its district within hours
 * rather than colouring everything red for a week. It is kept in the operations database, so a restart
 * during such an afternoon does not take the afternoon as usual.
 */
import type Database from 'better-sqlite3'
import { MIN_EVENT_SCALE } from './risk-scores.ts'

const HOUR = 3_600_000
const TIME_CONSTANT_MS = 7 * 24 * HOUR
/** The events part reaches 63 % of its maximum at this many times the usual load. */
const USUAL_TIMES = 3

export interface RiskBaseline {
  /** Follows the district's mean load now; returns the event scale to score with. */
  update(meanLoad: number, nowMs: number): number
}

export function createRiskBaseline(db: Database.Database): RiskBaseline {
  db.exec('CREATE TABLE IF NOT EXISTS risk_baseline (id INTEGER PRIMARY KEY CHECK (id = 1), value REAL NOT NULL, at INTEGER NOT NULL, since INTEGER NOT NULL)')
  const read = db.prepare<[], { value: number; at: number; since: number }>('SELECT value, at, since FROM risk_baseline WHERE id = 1')
  const write = db.prepare('INSERT INTO risk_baseline (id, value, at, since) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, at = excluded.at')
  let state = read.get()
  return {
    update(meanLoad, nowMs) {
      if (!state) state = { value: meanLoad, at: nowMs, since: nowMs }
      else if (nowMs > state.at) {
        const timeConstant = Math.min(TIME_CONSTANT_MS, Math.max(HOUR, nowMs - state.since))
        state = { ...state, value: state.value + (meanLoad - state.value) * (1 - Math.exp(-(nowMs - state.at) / timeConstant)), at: nowMs }
      }
      write.run(state.value, state.at, state.since)
      return Math.max(MIN_EVENT_SCALE, USUAL_TIMES * state.value)
    },
  }
}
