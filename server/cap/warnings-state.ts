/**
 * The live state of public warnings, as pure decisions over CAP's message types (CAP 1.2 §3.2.1):
 * an `Alert` adds a warning; an `Update` replaces the messages it references; a `Cancel` removes them;
 * `Ack` and `Error` change nothing. Warnings are keyed by `(sender, identifier)`.
 *
 * Decisions (also in server/cap/README.md):
 * - Only `status` `Actual` messages are live warnings. `Exercise`, `Test`, `System` and `Draft` are
 *   stored as events (the log shows them) but never add, replace or cancel a live warning.
 * - A warning whose `expires` has passed is not listed, and a message that is already expired when it
 *   arrives adds nothing (a late Update or Cancel still removes what it references).
 * - A referenced message is retired for good: if it arrives after the Update or Cancel that named it
 *   (producers and relays do reorder), it is stored as an event but does not come back to life.
 */
import type { CapAlert, Warning } from '../../domain/cap.ts'
import type { LngLat } from '../../domain/event.ts'
import { capCategory, capSeverity, primaryInfo } from './cap-to-item.ts'

export interface WarningKey {
  sender: string
  identifier: string
}

/** `sender,identifier`, as CAP's own references write them (neither may contain a comma). */
export const warningKey = (k: WarningKey) => `${k.sender},${k.identifier}`

export interface WarningRecord extends WarningKey {
  sent: string
  /** `expires` as UTC ISO-8601, comparable as text; null when the message sets none. */
  expiresAt: string | null
  view: Warning
}

export interface WarningPlan {
  /** Warnings this message ends (replaced by an Update, or cancelled). */
  remove: WarningKey[]
  /** The warning this message makes live, if any. */
  add: WarningRecord | null
  /** Why nothing was added, for the producer's reply. */
  note?: string
}

/**
 * @example
 * toWarning(alert, 'evt-1', { lng: -119.9, lat: 38.5 }) // { id: 'evt-1', identifier: 'KSTO1055887203', severity: 'severe', … }
 */
export function toWarning(alert: CapAlert, eventId: string, location: LngLat): Warning {
  const info = primaryInfo(alert)
  return {
    id: eventId,
    identifier: alert.identifier,
    sender: alert.sender,
    sent: alert.sent,
    msgType: alert.msgType,
    scope: alert.scope,
    category: capCategory(info),
    event: info?.event ?? alert.msgType,
    headline: info?.headline ?? null,
    description: info?.description ?? null,
    instruction: info?.instruction ?? null,
    severity: info ? capSeverity(info.severity) : 'minor',
    capSeverity: info?.severity ?? 'Unknown',
    urgency: info?.urgency ?? 'Unknown',
    certainty: info?.certainty ?? 'Unknown',
    effective: info?.effective ?? null,
    onset: info?.onset ?? null,
    expires: info?.expires ?? null,
    senderName: info?.senderName ?? null,
    language: info?.language ?? 'en-US',
    location,
    areas: (info?.areas ?? []).map(({ areaDesc, polygons, circles }) => ({ areaDesc, polygons, circles })),
  }
}

/** Whether a recorded warning is still in force at `now`. */
export function isActive(w: Pick<WarningRecord, 'expiresAt'>, now: Date): boolean {
  return w.expiresAt === null || Date.parse(w.expiresAt) > now.getTime()
}

/**
 * What one newly stored message does to the live warnings. `isRetired` says whether an Update or
 * Cancel has already named a key.
 * @example
 * planWarning(cancel, 'evt-9', here, { now, isRetired: () => false }) // { remove: [{ sender, identifier }], add: null }
 */
export function planWarning(
  alert: CapAlert,
  eventId: string,
  location: LngLat,
  opts: { now: Date; isRetired: (key: WarningKey) => boolean },
): WarningPlan {
  if (alert.status !== 'Actual') return { remove: [], add: null, note: `status ${alert.status}: stored as an event, not a live warning` }
  if (alert.msgType === 'Ack' || alert.msgType === 'Error') return { remove: [], add: null, note: `msgType ${alert.msgType} changes no warning` }
  const seen = new Set<string>()
  const remove: WarningKey[] = []
  if (alert.msgType === 'Update' || alert.msgType === 'Cancel') {
    for (const r of alert.references) {
      const key = { sender: r.sender, identifier: r.identifier }
      if (seen.has(warningKey(key))) continue
      seen.add(warningKey(key))
      remove.push(key)
    }
  }
  if (alert.msgType === 'Cancel') return { remove, add: null }
  if (opts.isRetired(alert)) return { remove, add: null, note: 'an Update or Cancel already replaced this message' }
  const view = toWarning(alert, eventId, location)
  const expiresAt = view.expires ? new Date(view.expires).toISOString() : null
  if (!isActive({ expiresAt }, opts.now)) return { remove, add: null, note: `expired at ${view.expires}` }
  return { remove, add: { sender: alert.sender, identifier: alert.identifier, sent: alert.sent, expiresAt, view } }
}

const RANK = { extreme: 3, severe: 2, moderate: 1, minor: 0 } as const

/** The wall's order: most severe first, then the most recent. */
export function byConcern(a: Warning, b: Warning): number {
  return RANK[b.severity] - RANK[a.severity] || Date.parse(b.sent) - Date.parse(a.sent)
}
