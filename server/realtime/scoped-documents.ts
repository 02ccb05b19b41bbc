/**
 * Streams changing documents (cases, units) to the socket rooms of their scope: every one to the
 * district room, and one that lies in a street to that street's room too, so a street user's socket
 * never receives another street's document. Changes are coalesced per room (latest version of each
 * id, at most one frame per interval); each frame carries the event store's last seq when it was sent.
 */
import { DISTRICT_ROOM, streetRoom } from './rooms.ts'
import { LatestByIdCoalescer } from './latest-by-id-coalescer.ts'

export interface ScopedDocumentFrames<T> {
  publish(docs: readonly T[]): void
  /** Sends everything still buffered (graceful shutdown). */
  flushAll(): void
  close(): void
}

export function scopedDocumentFrames<T extends { id: string }>(opts: {
  intervalMs: number
  /** The street a document belongs to, or null/undefined when it lies in none (district room only). */
  streetOf: (doc: T) => string | null | undefined
  /** Sends one coalesced frame to a room. */
  send: (room: string, docs: T[]) => void
}): ScopedDocumentFrames<T> {
  const coalescer = new LatestByIdCoalescer<T>(opts.intervalMs, opts.send)
  return {
    publish(docs) {
      for (const doc of docs) {
        coalescer.push(DISTRICT_ROOM, doc)
        const street = opts.streetOf(doc)
        if (street) coalescer.push(streetRoom(street), doc)
      }
    },
    flushAll: () => coalescer.flushAll(),
    close: () => coalescer.close(),
  }
}
