/** The Socket.IO contract (DESIGN §4, Socket.IO): what the server emits and what clients send. */
import { Type, type Static } from '@sinclair/typebox'
import { StoredEvent } from './event.ts'
import { Scope } from './auth.ts'
import { Case } from './cases.ts'
import { Unit } from './units.ts'
import { KpiReport } from './kpi.ts'
import type { RiskFrame } from './risk.ts'

/** Today's totals in the socket's scope, counted since local midnight (Asia/Shanghai). */
export const Counts = Type.Object({
  total: Type.Integer(),
  bySource: Type.Record(Type.String(), Type.Integer()),
  bySeverity: Type.Record(Type.String(), Type.Integer()),
  /**
   * The roll-up: today's events per hierarchy node, at every tier (district, street, community,
   * grid, micro-grid ids as keys), so any level of the map can be coloured without a request.
   * Nodes with none are absent. An event counts once on each tier of its `path`.
   */
  byNode: Type.Record(Type.String(), Type.Integer()),
  /** Start of the counting window, ISO-8601. */
  since: Type.String(),
})
export type Counts = Static<typeof Counts>

export const Snapshot = Type.Object({
  /** The last seq this snapshot covers; frames after it continue from here. */
  seq: Type.Integer(),
  scope: Scope,
  /** The most recent events in scope, newest last. */
  events: Type.Array(StoredEvent),
  counts: Counts,
  serverTime: Type.String(),
  /** Changes when the server restarts, so a client can tell a restart from a blip. */
  bootId: Type.String(),
})
export type Snapshot = Static<typeof Snapshot>

export const EventsFrame = Type.Object({
  /** The last seq in the frame. */
  seq: Type.Integer(),
  events: Type.Array(StoredEvent),
})
export type EventsFrame = Static<typeof EventsFrame>

/**
 * Cases that changed (opened, attached to, acted on, escalated), as they now stand, in the room's scope.
 * `seq` is the event store's last seq when the frame was sent. A client that (re)connects loads
 * `GET /api/v1/cases?status=open` and then applies frames by case id.
 */
export const CasesFrame = Type.Object({ seq: Type.Integer(), cases: Type.Array(Case) })
export type CasesFrame = Static<typeof CasesFrame>

/** Units that changed (status or position), as they now stand; scoped by the unit's home street. */
export const UnitsFrame = Type.Object({ seq: Type.Integer(), units: Type.Array(Unit) })
export type UnitsFrame = Static<typeof UnitsFrame>

/** Today's KPIs for the room's scope, sent when cases changed (at most every few seconds). */
export const KpiFrame = Type.Object({ seq: Type.Integer(), kpi: KpiReport })
export type KpiFrame = Static<typeof KpiFrame>

export interface ResumeRequest {
  sinceSeq: number
}
export interface ResumeAck {
  /** `events`: the missed events were sent as frames; `snapshot`: too many were missed. */
  mode: 'events' | 'snapshot'
  count: number
}

export interface ServerToClientEvents {
  snapshot: (s: Snapshot) => void
  events: (f: EventsFrame) => void
  cases: (f: CasesFrame) => void
  units: (f: UnitsFrame) => void
  kpi: (f: KpiFrame) => void
  /** Risk by grid (domain/risk.ts): a full frame on connect, then changes every RISK_INTERVAL_S. */
  risk: (f: RiskFrame) => void
}
export interface ClientToServerEvents {
  resume: (r: ResumeRequest, ack?: (a: ResumeAck) => void) => void
}
/** The handshake's `auth`; `sinceSeq` turns the connection into a resume instead of a snapshot. */
export interface HandshakeAuth {
  token: string
  sinceSeq?: number
}

/** Above this many missed events, a resume answers with a fresh snapshot instead. */
export const RESUME_LIMIT = 5000
/** How many recent events a snapshot carries. */
export const SNAPSHOT_EVENTS = 200
/** Frames per room are coalesced to at most this often. */
export const FRAME_INTERVAL_MS = 250

