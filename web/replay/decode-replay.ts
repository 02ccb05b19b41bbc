/**
 * The replay reply (domain/replay.ts) decoded once into typed arrays the player reads every frame:
 * no per-event objects for 100,000 events, only numbers in flat arrays, and each event's marker
 * kind (a sensor's by its state) worked out here rather than while drawing.
 */
import { SEVERITIES, SOURCES, type Source } from '../../domain/event.ts'
import { REPLAY_CODED_COLUMNS, type ReplayReply } from '../../domain/replay.ts'
import { MARKER_KINDS, markerStyle } from '../feed/source-style.ts'

export interface ReplayData {
  /** The range, in ms since the epoch: `[from, until)`. */
  from: number
  until: number
  count: number
  /** The range held more than `limit` events; these are its earliest. */
  truncated: boolean
  limit: number
  seq: Float64Array
  /** Received at, ms since the epoch, ascending. */
  at: Float64Array
  lng: Float64Array
  lat: Float64Array
  /** Index into `SOURCES`. */
  source: Uint8Array
  /** Index into `MARKER_KINDS`: how the wall draws it (a sensor's by its state). */
  kind: Uint8Array
  /** 0 (minor) to 3 (extreme): the index into `SEVERITIES`. */
  severity: Uint8Array
  /** Index into `categories` (taxonomy codes of the event's source). */
  category: Int32Array
  categories: readonly string[]
  /** Index into `streets` (street ids); -1 outside the district. */
  street: Int32Array
  streets: readonly string[]
  /** Index into `titles`; -1 without one. */
  title: Int32Array
  titles: readonly string[]
}

function indexer<T extends string>(known: readonly T[], column: string, values: readonly string[]): Uint8Array {
  return Uint8Array.from(values, (v) => {
    const i = known.indexOf(v as T)
    if (i === -1) throw new Error(`replay: unknown ${column} ${JSON.stringify(v)}`)
    return i
  })
}

function coded(values: readonly number[], dictionary: readonly string[], column: string, optional: boolean): Int32Array {
  const out = Int32Array.from(values)
  for (const c of out) {
    if ((c === -1 && optional) || (c >= 0 && c < dictionary.length)) continue
    throw new Error(`replay: ${column} code ${c} is not in its dictionary of ${dictionary.length}`)
  }
  return out
}

/**
 * Checks the columns agree (same length, codes within their dictionaries, times ascending) and
 * decodes them; throws a message naming what disagrees.
 *
 * @example
 * const data = decodeReplay(await requestJson<ReplayReply>('/api/v1/replay/events'))
 * SOURCES[data.source[0]] // 'hotline'
 */
export function decodeReplay(reply: ReplayReply): ReplayData {
  const n = reply.count
  for (const col of ['seq', 'at', 'lng', 'lat', ...REPLAY_CODED_COLUMNS] as const) {
    if (reply[col].length !== n) throw new Error(`replay: column ${col} has ${reply[col].length} values for ${n} events`)
  }
  const d = reply.dictionary
  const at = Float64Array.from(reply.at)
  for (let i = 1; i < n; i++) if (at[i]! < at[i - 1]!) throw new Error(`replay: times go back at event ${i}`)

  const sourceOf = indexer(SOURCES, 'source', d.source)
  const severityOf = indexer(SEVERITIES, 'severity', d.severity)
  const sourceCodes = coded(reply.source, d.source, 'source', false)
  const stateCodes = coded(reply.state, d.state, 'state', true)
  const severityCodes = coded(reply.severity, d.severity, 'severity', false)
  const source = new Uint8Array(n)
  const kind = new Uint8Array(n)
  const severity = new Uint8Array(n)
  // A sensor's marker depends on its state: worked out once per (source, state) pair.
  const kindCache = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const s = sourceOf[sourceCodes[i]!]!
    source[i] = s
    severity[i] = severityOf[severityCodes[i]!]!
    const st = stateCodes[i]!
    const key = s * 1024 + st + 1
    let k = kindCache.get(key)
    if (k === undefined) {
      const style = markerStyle({ source: SOURCES[s] as Source, attrs: st === -1 ? {} : { state: d.state[st] } })
      k = MARKER_KINDS.indexOf(style.kind)
      kindCache.set(key, k)
    }
    kind[i] = k
  }
  return {
    from: Date.parse(reply.from),
    until: Date.parse(reply.until),
    count: n,
    truncated: reply.truncated,
    limit: reply.limit,
    seq: Float64Array.from(reply.seq),
    at,
    lng: Float64Array.from(reply.lng),
    lat: Float64Array.from(reply.lat),
    source,
    kind,
    severity,
    category: coded(reply.category, d.category, 'category', false),
    categories: d.category,
    street: coded(reply.street, d.street, 'street', true),
    streets: d.street,
    title: coded(reply.title, d.title, 'title', true),
    titles: d.title,
  }
}
