/** A builder for unit tests: a replay reply (domain/replay.ts) coded from a list of plain events. */
import type { ReplayReply } from '../../domain/replay.ts'

export interface PlainReplayEvent {
  seq: number
  /** ms since the epoch */
  at: number
  lng?: number
  lat?: number
  source?: string
  state?: string | null
  severity?: string
  category?: string
  street?: string | null
  title?: string | null
}

export function makeReplayReply(events: PlainReplayEvent[], range: { from: number; until: number }, over: Partial<ReplayReply> = {}): ReplayReply {
  const dictionary: ReplayReply['dictionary'] = { source: [], state: [], severity: [], category: [], street: [], title: [] }
  const code = (col: keyof ReplayReply['dictionary'], v: string | null) => {
    if (v === null) return -1
    const values = dictionary[col]
    const i = values.indexOf(v)
    return i === -1 ? values.push(v) - 1 : i
  }
  const full = events.map((e) => ({
    lng: 104.1, lat: 30.67, source: 'incident', state: null, severity: 'moderate', category: 'fire_hazard', street: '510108001', title: null, ...e,
  }))
  return {
    from: new Date(range.from).toISOString(),
    until: new Date(range.until).toISOString(),
    count: full.length,
    limit: 200_000,
    truncated: false,
    seq: full.map((e) => e.seq),
    at: full.map((e) => e.at),
    lng: full.map((e) => e.lng),
    lat: full.map((e) => e.lat),
    source: full.map((e) => code('source', e.source)),
    state: full.map((e) => code('state', e.state)),
    severity: full.map((e) => code('severity', e.severity)),
    category: full.map((e) => code('category', e.category)),
    street: full.map((e) => code('street', e.street)),
    title: full.map((e) => code('title', e.title)),
    dictionary,
    ...over,
  }
}
