/**
 * The `events` domain on the socket: snapshot on connect, coalesced frames after, and resume.
 *
 * Handing over between the store and the frames is exact because a connection is handled
 * synchronously: everything committed is either already sent to the room or still waiting in
 * its buffer, so "missed" is the store's range up to the first waiting seq (the cutoff), and the
 * socket joins the room in the same turn to receive the rest.
 */
import type { Server, Socket } from 'socket.io'
import type { PublicUser, Scope } from '../../domain/auth.ts'
import { RESUME_LIMIT, type ClientToServerEvents, type Counts, type ResumeAck, type ServerToClientEvents, type Snapshot } from '../../domain/socket.ts'
import type { EventStore } from '../store/event-store.ts'
import { buildSnapshot } from './build-snapshot.ts'
import { countsFromRows, type DailyCounts } from './daily-counts.ts'
import type { FrameCoalescer } from './frame-coalescer.ts'
import { roomForScope, roomsForEvent, streetFilter } from './rooms.ts'
import type { StoredEvent } from '../../domain/event.ts'
import { publicEvent } from '../privacy/public-event.ts'

export interface SocketData {
  user: PublicUser
  /** Events after this seq reach the socket through room frames. */
  cutoff: number
}
export type GridwatchServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
export type GridwatchSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

const RESUME_PAGE = 1000

interface Deps {
  io: GridwatchServer
  store: EventStore
  coalescer: FrameCoalescer
  daily: DailyCounts
  bootId: string
}

/**
 * The scope's counters as of `untilSeq`. At the room's hand-over point (everything after it still
 * waits in the room's buffer) that is the in-memory tally less the buffer; any other seq (a
 * resume long after connecting) is counted from the store.
 */
function countsAt({ store, coalescer, daily }: Deps, scope: Scope, untilSeq: number): Counts {
  const room = roomForScope(scope)
  const handOver = (coalescer.firstPendingSeq(room) ?? store.lastSeq() + 1) - 1
  if (untilSeq === handOver) return daily.forScope(scope, coalescer.pending(room))
  const since = daily.forScope(scope).since
  return countsFromRows(store.countBy({ receivedSince: since, untilSeq, street: streetFilter(scope) }), since)
}

function snapshotAt(deps: Deps, scope: Scope, untilSeq: number): Snapshot {
  return buildSnapshot(deps.store, scope, untilSeq, deps.bootId, countsAt(deps, scope, untilSeq))
}

function sendMissed(deps: Deps, socket: GridwatchSocket, sinceSeq: number, untilSeq: number): ResumeAck {
  const { store } = deps
  const scope = socket.data.user.scope
  const street = streetFilter(scope)
  const missed = sinceSeq >= untilSeq ? 0 : store.count({ sinceSeq, untilSeq, street })
  // A client ahead of the store saw a different database (reset or restored): start it afresh.
  if (sinceSeq > store.lastSeq() || missed > RESUME_LIMIT) {
    socket.emit('snapshot', snapshotAt(deps, scope, untilSeq))
    return { mode: 'snapshot', count: missed }
  }
  let from = sinceSeq
  for (;;) {
    const page = store.list({ sinceSeq: from, untilSeq, street, limit: RESUME_PAGE })
    if (page.length === 0) break
    from = page[page.length - 1]!.seq
    socket.emit('events', { seq: from, events: page.map(publicEvent) })
    if (page.length < RESUME_PAGE) break
  }
  return { mode: 'events', count: missed }
}

function parseSinceSeq(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
}

export function registerEventsRealtime(deps: Deps): { publish(events: StoredEvent[]): void } {
  const { io, store, coalescer, daily } = deps

  io.on('connection', (socket) => {
    const { scope } = socket.data.user
    const room = roomForScope(scope)
    const cutoff = (coalescer.firstPendingSeq(room) ?? store.lastSeq() + 1) - 1
    socket.data.cutoff = cutoff
    const sinceSeq = parseSinceSeq((socket.handshake.auth as { sinceSeq?: unknown }).sinceSeq)
    if (sinceSeq === undefined) socket.emit('snapshot', snapshotAt(deps, scope, cutoff))
    else sendMissed(deps, socket, sinceSeq, cutoff)
    void socket.join(room)

    socket.on('resume', (request, ack) => {
      const since = parseSinceSeq(request?.sinceSeq)
      if (since === undefined) return ack?.({ mode: 'events', count: 0 })
      const result = sendMissed(deps, socket, since, socket.data.cutoff)
      ack?.(result)
    })
  })

  return {
    publish(events) {
      daily.add(events)
      for (const e of events) {
        // Masked once per event, whatever the number of rooms: frames carry no caller's contact.
        const out = publicEvent(e)
        for (const room of roomsForEvent(e)) coalescer.push(room, out)
      }
    },
  }
}
