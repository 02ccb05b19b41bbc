/**
 * The `units` domain on the socket: units whose status or position changed go out as they now
 * stand, in `units` frames to the district room and their home street's room. A unit reporting its
 * position many times between two frames is sent once (the coalescer keeps the latest by id).
 * A client loads `GET /api/v1/units` on (re)connect and applies frames by id.
 */
import type { Unit } from '../../domain/units.ts'
import type { UnitsFrame } from '../../domain/socket.ts'
import type { GridwatchServer } from './events.ts'
import { scopedDocumentFrames } from './scoped-documents.ts'

/** What this needs of the units service: change notifications with the units as they now stand. */
export interface UnitChanges {
  onChange(fn: (units: Unit[]) => void): () => void
}

interface Deps {
  io: GridwatchServer
  units: UnitChanges
  lastSeq: () => number
  intervalMs: number
  onFrame?: () => void
}

export function registerUnitsRealtime({ io, units, lastSeq, intervalMs, onFrame }: Deps) {
  const frames = scopedDocumentFrames<Unit>({
    intervalMs,
    streetOf: (u) => u.home.street,
    send: (room, docs) => {
      // Socket.IO encodes a broadcast even for a room nobody is in (most street rooms, most of the
      // time); a client that joins later loads the list over HTTP first, so nothing is missed.
      if (!io.sockets.adapter.rooms.get(room)?.size) return
      onFrame?.()
      const frame: UnitsFrame = { seq: lastSeq(), units: docs }
      io.to(room).emit('units', frame)
    },
  })
  const unsubscribe = units.onChange((changed) => frames.publish(changed))
  return {
    flushAll: () => frames.flushAll(),
    close() {
      unsubscribe()
      frames.close()
    },
  }
}
