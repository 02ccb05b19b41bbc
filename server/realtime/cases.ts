/**
 * The `cases` domain on the socket: every case the engine changes (opened, attached to, acted on,
 * escalated) goes out as it now stands, in `cases` frames to the district room and its street's room.
 * A client loads `GET /api/v1/cases?status=open` on (re)connect and applies frames by id, so nothing
 * is replayed here on connect.
 */
import type { Case } from '../../domain/cases.ts'
import type { CasesFrame } from '../../domain/socket.ts'
import type { CaseEngine } from '../cases/case-engine.ts'
import type { GridwatchServer } from './events.ts'
import { scopedDocumentFrames } from './scoped-documents.ts'

interface Deps {
  io: GridwatchServer
  cases: Pick<CaseEngine, 'onChange'>
  lastSeq: () => number
  intervalMs: number
  onFrame?: () => void
}

export function registerCasesRealtime({ io, cases, lastSeq, intervalMs, onFrame }: Deps) {
  const frames = scopedDocumentFrames<Case>({
    intervalMs,
    streetOf: (c) => c.path.street,
    send: (room, docs) => {
      // Socket.IO encodes a broadcast even for a room nobody is in (most street rooms, most of the
      // time); a client that joins later loads the list over HTTP first, so nothing is missed.
      if (!io.sockets.adapter.rooms.get(room)?.size) return
      onFrame?.()
      const frame: CasesFrame = { seq: lastSeq(), cases: docs }
      io.to(room).emit('cases', frame)
    },
  })
  const unsubscribe = cases.onChange((changes) => frames.publish(changes.map((c) => c.case)))
  return {
    flushAll: () => frames.flushAll(),
    close() {
      unsubscribe()
      frames.close()
    },
  }
}
