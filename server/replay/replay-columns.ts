/**
 * The replay's rows as the reply's columns (domain/replay.ts): one array per field, the fields with
 * few distinct values dictionary-coded. A day of 100,000 events has a few dozen categories and a few
 * hundred distinct titles, so coding them cuts the reply several times over before gzip, and the
 * browser parses integers instead of repeated strings. Rows are added slice by slice as they are read.
 */
import type { ReplayDictionary, ReplayReply } from '../../domain/replay.ts'
import { maskFreeText } from '../privacy/mask-contact.ts'
import type { ReplayRow } from '../store/event-store.ts'

/** Values to small integers, in order of first appearance. */
class Dictionary {
  readonly values: string[] = []
  private readonly index = new Map<string, number>()

  code(value: string | null): number {
    if (value === null) return -1
    let i = this.index.get(value)
    if (i === undefined) {
      i = this.values.length
      this.values.push(value)
      this.index.set(value, i)
    }
    return i
  }
}

/** About a metre: finer says nothing on a district map and only lengthens the reply. */
const round5 = (x: number) => Math.round(x * 1e5) / 1e5

export interface ReplayColumns {
  /** Rows added so far. */
  readonly count: number
  /** Appends rows, which must follow those added before in time. */
  add(rows: readonly ReplayRow[]): void
  /** The reply: at most `limit` rows (the earliest), `truncated` when more were added. */
  finish(meta: { from: Date; until: Date; limit: number }): ReplayReply
}

/**
 * @example
 * const columns = createReplayColumns()
 * columns.add(store.replay({ since, until, limit }))
 * columns.finish({ from, until, limit: 200_000 }).dictionary.source // ['hotline', 'incident', …]
 */
export function createReplayColumns(): ReplayColumns {
  const dict = { source: new Dictionary(), state: new Dictionary(), severity: new Dictionary(), category: new Dictionary(), street: new Dictionary(), title: new Dictionary() }
  const seq: number[] = []
  const at: number[] = []
  const lng: number[] = []
  const lat: number[] = []
  const source: number[] = []
  const state: number[] = []
  const severity: number[] = []
  const category: number[] = []
  const street: number[] = []
  const title: number[] = []
  // A caller may put a phone number in what becomes a hotline title; each distinct one is masked once.
  const masked = new Map<string, string>()
  const maskOnce = (text: string) => {
    let m = masked.get(text)
    if (m === undefined) masked.set(text, (m = maskFreeText(text)))
    return m
  }

  return {
    get count() {
      return seq.length
    },
    add(rows) {
      for (const r of rows) {
        seq.push(r.seq)
        at.push(Date.parse(r.receivedAt))
        lng.push(round5(r.lng))
        lat.push(round5(r.lat))
        source.push(dict.source.code(r.source))
        state.push(dict.state.code(r.state))
        severity.push(dict.severity.code(r.severity))
        category.push(dict.category.code(r.category))
        street.push(dict.street.code(r.street))
        title.push(dict.title.code(r.title === null ? null : r.source === 'hotline' ? maskOnce(r.title) : r.title))
      }
    },
    finish({ from, until, limit }) {
      const truncated = seq.length > limit
      for (const col of [seq, at, lng, lat, source, state, severity, category, street, title]) if (col.length > limit) col.length = limit
      const dictionary: ReplayDictionary = {
        source: dict.source.values,
        state: dict.state.values,
        severity: dict.severity.values,
        category: dict.category.values,
        street: dict.street.values,
        title: dict.title.values,
      }
      return {
        from: from.toISOString(),
        until: until.toISOString(),
        count: seq.length,
        limit,
        truncated,
        seq, at, lng, lat, source, state, severity, category, street, title,
        dictionary,
      }
    },
  }
}
