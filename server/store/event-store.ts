/**
 * The store seam (DESIGN §3): SQLite by default, PostgreSQL at scale. Everything above it speaks
 * only this interface.
 */
import type { Path, Severity, Source, StoredEvent } from '../../domain/event.ts'

/** An event ready to store: normalised and located, before the store assigns `id` and `seq`. */
export type NewEvent = Omit<StoredEvent, 'id' | 'seq'>

export interface AppendResult {
  id: string
  seq: number
  sourceId: string
  duplicate: boolean
  /** The stored event, for new (non-duplicate) items only. */
  event?: StoredEvent
}

export interface EventQuery {
  /** Only events with a greater seq. */
  sinceSeq?: number
  /** Only events with seq at most this. */
  untilSeq?: number
  street?: string
  source?: Source
  limit: number
  /** `asc` (default) for resync; `desc` for "the latest N". */
  order?: 'asc' | 'desc'
}

/** One source's events by id, category and `occurredAt` window: the Open311 request reads. */
export interface EventSearch {
  source: Source
  /** Only these ids. */
  ids?: string[]
  /** Only these categories. */
  categories?: string[]
  /** Only events that occurred at or after this instant (ISO-8601). */
  occurredFrom?: string
  /** Only events that occurred at or before this instant (ISO-8601). */
  occurredUntil?: string
  limit: number
}

export interface CountQuery {
  receivedSince: string
  untilSeq: number
  street?: string
}

/** `n` events with this source, severity and five-tier path. */
export interface CountRow {
  source: Source
  severity: Severity
  path: Path
  n: number
}

/** Events received in `[since, until)`, in a street or all. */
export interface ReceivedRange {
  since: string
  until: string
  street?: string
}

/** What the replay draws of one event: its columns and a few fields of its document, nothing more. */
export interface ReplayRow {
  seq: number
  receivedAt: string
  source: Source
  category: string
  severity: Severity
  street: string | null
  lng: number
  lat: number
  title: string | null
  /** A sensor event's state; null for other sources. */
  state: string | null
}

export interface EventStore {
  /**
   * Stores the items of one request atomically and resolves only after the commit. Items whose
   * `(source, sourceId)` is already stored come back as duplicates and change nothing.
   */
  append(items: NewEvent[]): Promise<AppendResult[]>
  list(q: EventQuery): StoredEvent[]
  count(q: { sinceSeq: number; untilSeq: number; street?: string }): number
  /** Events received since `receivedSince`, grouped by source, severity and path: today's counters and roll-up. */
  countBy(q: CountQuery): CountRow[]
  get(id: string): StoredEvent | undefined
  /** Matching events, the most recent `occurredAt` first. */
  search(q: EventSearch): StoredEvent[]
  /** The range's severe and extreme events, extreme first, then the newest. */
  gravest(q: ReceivedRange & { limit: number }): StoredEvent[]
  /**
   * The range's events oldest first (by `receivedAt`, then `seq`), without sensor heartbeats or
   * detections below the camera's threshold: what the wall's feed showed.
   */
  replay(q: ReceivedRange & { limit: number }): ReplayRow[]
  lastSeq(): number
  /** Waits for queued writes, then releases the store. */
  close(): Promise<void>
}

