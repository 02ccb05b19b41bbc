/**
 * Coalesces changing documents (cases, units) per room into frames of at most one per `intervalMs`,
 * keeping only the latest version of each id: a unit reporting its position ten times between two
 * frames is sent once, as it stands. Like the events coalescer, the first change after a quiet spell
 * goes out at once and later ones wait for the interval.
 */
interface RoomBuffer<T> {
  items: Map<string, T>
  lastFlush: number
  timer: NodeJS.Timeout | undefined
}

export class LatestByIdCoalescer<T extends { id: string }> {
  private rooms = new Map<string, RoomBuffer<T>>()

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (room: string, items: T[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  push(room: string, item: T): void {
    let buf = this.rooms.get(room)
    if (!buf) {
      buf = { items: new Map(), lastFlush: -Infinity, timer: undefined }
      this.rooms.set(room, buf)
    }
    // Re-inserting moves the id to the end, so a frame lists documents in the order they last changed.
    buf.items.delete(item.id)
    buf.items.set(item.id, item)
    if (buf.timer) return
    const wait = Math.max(0, buf.lastFlush + this.intervalMs - this.now())
    buf.timer = setTimeout(() => this.flush(room), wait)
  }

  flush(room: string): void {
    const buf = this.rooms.get(room)
    if (!buf) return
    if (buf.timer) clearTimeout(buf.timer)
    buf.timer = undefined
    if (buf.items.size === 0) return
    const items = [...buf.items.values()]
    buf.items.clear()
    buf.lastFlush = this.now()
    this.emit(room, items)
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
