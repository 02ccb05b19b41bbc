/**
 * Live public warnings (CAP 1.2) in `operations.sqlite`: `warnings` holds the ones in force, keyed by
 * `(sender, identifier)`; `warnings_retired` remembers every message an Update or Cancel has named, so a
 * late arrival cannot revive it. The decisions are pure (server/cap/warnings-state.ts); this plugin
 * applies them in one transaction.
 */
import fp from 'fastify-plugin'
import type { CapAlert, Warning } from '../../domain/cap.ts'
import type { LngLat } from '../../domain/event.ts'
import { byConcern, planWarning, warningKey, type WarningKey } from '../cap/warnings-state.ts'

export interface WarningsApplied {
  active: string | null
  removed: string[]
  note?: string
}

export interface WarningsRepository {
  /** Applies a newly stored message; call it once per fresh event, never for a re-sent one. */
  apply(alert: CapAlert, eventId: string, location: LngLat, now?: Date): WarningsApplied
  /** The warnings in force at `now`, most severe first. */
  active(now?: Date): Warning[]
}

declare module 'fastify' {
  interface FastifyInstance {
    warnings: WarningsRepository
  }
}

export default fp(
  async (fastify) => {
    const db = fastify.operationsDb
    db.exec(`
      CREATE TABLE IF NOT EXISTS warnings (
        sender      TEXT NOT NULL,
        identifier  TEXT NOT NULL,
        sent        TEXT NOT NULL,
        expires_at  TEXT,
        event_id    TEXT NOT NULL,
        doc         TEXT NOT NULL,
        PRIMARY KEY (sender, identifier)
      );
      CREATE TABLE IF NOT EXISTS warnings_retired (
        sender      TEXT NOT NULL,
        identifier  TEXT NOT NULL,
        retired_by  TEXT NOT NULL,
        PRIMARY KEY (sender, identifier)
      );
    `)
    const upsert = db.prepare(
      `INSERT INTO warnings (sender, identifier, sent, expires_at, event_id, doc) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sender, identifier) DO UPDATE SET sent = excluded.sent, expires_at = excluded.expires_at,
         event_id = excluded.event_id, doc = excluded.doc`,
    )
    const remove = db.prepare('DELETE FROM warnings WHERE sender = ? AND identifier = ?')
    const retire = db.prepare('INSERT OR IGNORE INTO warnings_retired (sender, identifier, retired_by) VALUES (?, ?, ?)')
    const retired = db.prepare('SELECT 1 FROM warnings_retired WHERE sender = ? AND identifier = ?').pluck()
    // ISO-8601 UTC strings compare as text in time order.
    const listActive = db.prepare('SELECT doc FROM warnings WHERE expires_at IS NULL OR expires_at > ?').pluck()

    const apply = db.transaction((alert: CapAlert, eventId: string, location: LngLat, now: Date): WarningsApplied => {
      const plan = planWarning(alert, eventId, location, {
        now,
        isRetired: (k: WarningKey) => retired.get(k.sender, k.identifier) !== undefined,
      })
      const removed: string[] = []
      for (const k of plan.remove) {
        retire.run(k.sender, k.identifier, warningKey(alert))
        if (remove.run(k.sender, k.identifier).changes > 0) removed.push(warningKey(k))
      }
      if (plan.add) {
        const a = plan.add
        upsert.run(a.sender, a.identifier, a.sent, a.expiresAt, a.view.id, JSON.stringify(a.view))
      }
      return { active: plan.add ? warningKey(plan.add) : null, removed, ...(plan.note ? { note: plan.note } : {}) }
    })

    fastify.decorate('warnings', {
      apply: (alert, eventId, location, now = new Date()) => apply(alert, eventId, location, now),
      active: (now = new Date()) => (listActive.all(now.toISOString()) as string[]).map((doc) => JSON.parse(doc) as Warning).sort(byConcern),
    } satisfies WarningsRepository)
  },
  { name: 'warnings', dependencies: ['operations-db'] },
)
