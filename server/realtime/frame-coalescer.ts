/**
 * Coalesces events per room into frames of at most one per `intervalMs` (DESIGN §4: at most 4 a
 * second for displays). The first event after a quiet spell goes out at once; later ones wait
 * for the interval. It also knows, per room, which seqs are still buffered, which the resume
 * logic needs to hand over between "sent from the store" and "will come in a frame".
 */
import type { StoredEvent } from '../../domain/event.ts'
import type { EventsFrame } from '../../domain/socket.ts'

interface RoomBuffer {
  events: StoredEvent[]
  lastFlush: number
  timer: NodeJS.Timeout | undefined
}

export class FrameCoalescer {
  private rooms = new Map<string, RoomBuffer>()

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (room: string, frame: EventsFrame) => void,
    private readonly now: () => number = Date.now,
  ) {}

  push(room: string, event: StoredEvent): void {
    let buf = this.rooms.get(room)
    if (!buf) {
      buf = { events: [], lastFlush: -Infinity, timer: undefined }
      this.rooms.set(room, buf)
    }
    buf.events.push(event)
    if (buf.timer) return
    const wait = Math.max(0, buf.lastFlush + this.intervalMs - this.now())
    buf.timer = setTimeout(() => this.flush(room), wait)
  }

  /** The lowest seq still waiting in the room's buffer, or undefined when nothing waits. */
  firstPendingSeq(room: string): number | undefined {
    return this.rooms.get(room)?.events[0]?.seq
  }

  /** The events waiting in the room's buffer, oldest first. */
  pending(room: string): readonly StoredEvent[] {
    return this.rooms.get(room)?.events ?? []
  }

  flush(room: string): void {
    const buf = this.rooms.get(room)
    if (!buf) return
    if (buf.timer) clearTimeout(buf.timer)
    buf.timer = undefined
    if (buf.events.length === 0) return
    const events = buf.events
    buf.events = []
    buf.lastFlush = this.now()
    this.emit(room, { seq: events[events.length - 1]!.seq, events })
  }

  /** Sends everything still buffered (graceful shutdown). */
  flushAll(): void {
    for (const room of this.rooms.keys()) this.flush(room)
  }

  close(): void {
    for (const buf of this.rooms.values()) if (buf.timer) clearTimeout(buf.timer)
    this.rooms.clear()
  }
}
