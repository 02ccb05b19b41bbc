/**
 * The dispatch picture on the socket: `cases` frames from the case engine's changes and `units`
 * frames from the unit engine's, each the latest version of the changed documents, coalesced per room
 * (FRAME_INTERVAL_MS) and scoped by street (a case by its path, a unit by its home street); each frame
 * carries the event store's last seq. Clients load `GET /api/v1/cases?status=open` and
 * `GET /api/v1/units` on (re)connect and apply frames by id, so nothing is replayed here.
 * KPI frames are the KPI plugin's own.
 */
import fp from 'fastify-plugin'
import type { Case } from '../../domain/cases.ts'
import type { Unit } from '../../domain/units.ts'
import { roomOccupied } from '../realtime/rooms.ts'
import { scopedDocumentFrames } from '../realtime/scoped-documents.ts'

export default fp(
  async (fastify) => {
    const { io, store, metrics, config, cases, units } = fastify
    const sendIfOccupied = (room: string, send: () => void) => {
      if (!roomOccupied(io, room)) return
      metrics.frames.inc()
      send()
    }
    const caseFrames = scopedDocumentFrames<Case>({
      intervalMs: config.FRAME_INTERVAL_MS,
      streetOf: (c) => c.path.street,
      send: (room, docs) => sendIfOccupied(room, () => io.to(room).emit('cases', { seq: store.lastSeq(), cases: docs })),
    })
    const unitFrames = scopedDocumentFrames<Unit>({
      intervalMs: config.FRAME_INTERVAL_MS,
      streetOf: (u) => u.home.street,
      send: (room, docs) => sendIfOccupied(room, () => io.to(room).emit('units', { seq: store.lastSeq(), units: docs })),
    })
    const unsubscribe = [
      cases.onChange((changes) => caseFrames.publish(changes.map((c) => c.case))),
      units.onChange((changed) => unitFrames.publish(changed)),
    ]

    fastify.addHook('preClose', async () => {
      caseFrames.flushAll()
      unitFrames.flushAll()
    })
    fastify.addHook('onClose', async () => {
      for (const off of unsubscribe) off()
      caseFrames.close()
      unitFrames.close()
    })
  },
  { name: 'dispatch-realtime', dependencies: ['realtime', 'cases', 'units', 'store', 'metrics', 'config'] },
)
