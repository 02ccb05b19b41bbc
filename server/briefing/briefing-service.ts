/**
 * Builds the situation briefing (domain/briefing.ts) from what the other capabilities keep: the event
 * store's counts and gravest events, the daily counts of people's reports by community (the automatic
 * hotspots' follower table), the KPI projection, the risk early warnings and the cases. Nothing here is
 * stored: a briefing is read on demand, and kept a few minutes (cases opened in a past period still move
 * through their states, so its KPIs are not final).
 */
import { SEVERITIES, SOURCES, type Severity, type Source, type StoredEvent } from '../../domain/event.ts'
import type { Briefing, BriefingHotspot, BriefingIncident, BriefingKind, BriefingTopic, Compared } from '../../domain/briefing.ts'
import type { Case } from '../../domain/cases.ts'
import type { KpiMeasures } from '../../domain/kpi.ts'
import type { EventStore } from '../store/event-store.ts'
import { hourOf, type HourlyRow } from './hourly-tally.ts'
import type { KpiService } from '../kpi/kpi-service.ts'
import type { RiskService } from '../risk/risk-service.ts'
import { shanghaiDay } from '../kpi/kpi-periods.ts'
import { briefingPeriod, dayDate, type BriefingPeriod } from './briefing-period.ts'

const HOTSPOTS = 8
const NOTABLE = 8
const NOTABLE_PER_KIND = 2
const TOPICS = 5
/** 每月一题 looks at this many days up to the period's end, against as many before. */
const TOPIC_DAYS = 30
/** Fewer reports than this over a month is no topic. */
const TOPIC_MIN = 5
/** How many grave events are looked at to find the gravest cases. */
const GRAVE_SCAN = 300
/** A briefing is read again after this long: a past period's cases still move, a running one's events arrive. */
const CACHE_MS = { complete: 5 * 60_000, running: 30_000 }
const CACHE_MAX = 64
const HOUR_MS = 3_600_000
const SEVERITY_RANK: Record<Severity, number> = { minor: 0, moderate: 1, severe: 2, extreme: 3 }

export interface BriefingPlace {
  id: string
  name: string
}

export interface BriefingCommunity extends BriefingPlace {
  streetId: string
  location: { lng: number; lat: number }
}

export interface BriefingSources {
  district: BriefingPlace
  streets: readonly BriefingPlace[]
  communities: ReadonlyMap<string, BriefingCommunity>
  store: Pick<EventStore, 'gravest'>
  /** Writes what the counting followers hold in memory, so the reads below reach up to now: once a briefing. */
  flush(): void
  /** Events counted by hour received, source, severity and street (hourly-tally.ts), hours `[from, to)`. */
  hourly(fromHour: number, toHour: number, street?: string): HourlyRow[]
  /** People's reports by community and `source:category` over Beijing days, inclusive. */
  reportCounts(fromDay: number, toDay: number): Array<{ community: string; key: string; n: number }>
  kpiDays: KpiService['days']
  warningsBetween: RiskService['warningsBetween']
  caseOfEvent(eventId: string): Case | undefined
  now?: () => number
}

const iso = (ms: number) => new Date(ms).toISOString()
const compared = (now: number, previous: number): Compared => ({ now, previous })

/** A count of events in the period's bucket `bucket`. */
interface TallyRow extends Omit<HourlyRow, 'hour'> {
  bucket: number
}

/** Sums of tally rows by a key. */
function sumBy<K>(rows: readonly TallyRow[], key: (r: TallyRow) => K): Map<K, number> {
  const out = new Map<K, number>()
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.n)
  return out
}

export function createBriefingService(src: BriefingSources) {
  const now = src.now ?? Date.now
  const streetName = new Map(src.streets.map((s) => [s.id, s.name]))
  const cache = new Map<string, { atMs: number; briefing: Briefing }>()

  /** `share`: how much of the previous period the comparison covers (1 once this period is over). */
  function headlineCases(nowK: KpiMeasures, prevK: KpiMeasures, share: number): Briefing['headline']['cases'] {
    const scaled = (n: number) => Math.round(n * share)
    return {
      opened: compared(nowK.cases, scaled(prevK.cases)),
      resolved: compared(nowK.resolved, scaled(prevK.resolved)),
      escalations: compared(nowK.escalations, scaled(prevK.escalations)),
      responseRate: { now: nowK.responseRate, previous: prevK.responseRate },
      resolutionRate: { now: nowK.resolutionRate, previous: prevK.resolutionRate },
      satisfactionRate: { now: nowK.satisfactionRate, previous: prevK.satisfactionRate },
    }
  }

  /** People's reports counted by (community, key) in scope. */
  function reportsInScope(fromDay: number, toDay: number, street?: string) {
    return src.reportCounts(fromDay, toDay).filter((r) => {
      const c = src.communities.get(r.community)
      return c !== undefined && (!street || c.streetId === street)
    })
  }

  function splitKey(key: string): { source: Source; category: string } {
    const at = key.indexOf(':')
    return { source: key.slice(0, at) as Source, category: key.slice(at + 1) }
  }

  /** `share`: how much of the previous period is compared (the counts are by whole days). */
  function hotspots(p: BriefingPeriod, share: number, street?: string): BriefingHotspot[] {
    const before = new Map(reportsInScope(p.previous.startDay, p.previous.endDay, street).map((r) => [`${r.community}\0${r.key}`, r.n]))
    return reportsInScope(p.startDay, p.endDay, street)
      .map((r) => ({ r, previous: Math.round((before.get(`${r.community}\0${r.key}`) ?? 0) * share) }))
      // The most reports first; of two alike, the one that rose more.
      .sort((a, b) => b.r.n - a.r.n || (b.r.n - b.previous) - (a.r.n - a.previous))
      .slice(0, HOTSPOTS)
      .map(({ r, previous }) => {
        const c = src.communities.get(r.community)!
        return {
          communityId: c.id, communityName: c.name, streetId: c.streetId, streetName: streetName.get(c.streetId) ?? c.streetId,
          ...splitKey(r.key), count: r.n, previous, location: c.location,
        }
      })
  }

  function topics(endDay: number, street?: string): Briefing['topics'] {
    const fromDay = endDay - TOPIC_DAYS + 1
    const byKey = new Map<string, { count: number; previous: number; communities: Map<string, number> }>()
    const entry = (key: string) => {
      let e = byKey.get(key)
      if (!e) byKey.set(key, (e = { count: 0, previous: 0, communities: new Map() }))
      return e
    }
    for (const r of reportsInScope(fromDay, endDay, street)) {
      const e = entry(r.key)
      e.count += r.n
      e.communities.set(r.community, (e.communities.get(r.community) ?? 0) + r.n)
    }
    for (const r of reportsInScope(fromDay - TOPIC_DAYS, fromDay - 1, street)) entry(r.key).previous += r.n
    // A topic is what is both common and growing: the count, weighed by its rise (at most threefold)
    // against the month before, so a category that is merely always common does not crowd out a rising one.
    const weight = (e: { count: number; previous: number }) => e.count * Math.min(3, (e.count + 10) / (e.previous + 10))
    const items: BriefingTopic[] = [...byKey]
      .filter(([, e]) => e.count >= TOPIC_MIN)
      .sort(([, a], [, b]) => weight(b) - weight(a))
      .slice(0, TOPICS)
      .map(([key, e]) => ({
        ...splitKey(key), count: e.count, previous: e.previous, communities: e.communities.size,
        top: [...e.communities].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, count]) => {
          const c = src.communities.get(id)!
          return { id, name: c.name, streetName: streetName.get(c.streetId) ?? c.streetId, count }
        }),
      }))
    return { since: iso(briefingPeriod('daily', fromDay).sinceMs), until: iso(briefingPeriod('daily', endDay).untilMs), items }
  }

  function notable(p: BriefingPeriod, street?: string): BriefingIncident[] {
    const events = src.store.gravest({ since: iso(p.sinceMs), until: iso(p.untilMs), limit: GRAVE_SCAN, ...(street ? { street } : {}) })
    // One line a case: its gravest, newest event (the store's order) stands for it.
    const seen = new Map<string, { e: StoredEvent; c: Case | undefined }>()
    for (const e of events) {
      const c = src.caseOfEvent(e.id)
      const key = c?.id ?? e.id
      if (!seen.has(key)) seen.set(key, { e, c })
    }
    // At most two of a kind, so that a morning of smoke alarms does not hide everything else that was grave.
    const perKind = new Map<string, number>()
    return [...seen.values()]
      .sort((a, b) => SEVERITY_RANK[b.e.severity] - SEVERITY_RANK[a.e.severity] || (b.c?.eventCount ?? 1) - (a.c?.eventCount ?? 1) ||
        (a.e.receivedAt < b.e.receivedAt ? 1 : a.e.receivedAt > b.e.receivedAt ? -1 : 0))
      .filter(({ e }) => {
        const kind = `${e.source}:${e.category}`
        perKind.set(kind, (perKind.get(kind) ?? 0) + 1)
        return perKind.get(kind)! <= NOTABLE_PER_KIND
      })
      .slice(0, NOTABLE)
      .map(({ e, c }) => ({
        eventId: e.id, source: e.source, category: e.category, severity: e.severity, title: e.title ?? '', occurredAt: e.occurredAt,
        streetName: e.path.street ? (streetName.get(e.path.street) ?? null) : null,
        communityName: e.path.community ? (src.communities.get(e.path.community)?.name ?? null) : null,
        location: e.location, caseId: c?.id ?? null, caseStatus: c?.status ?? null, eventCount: c?.eventCount ?? 1,
      }))
  }

  /**
   * The counts of `[sinceMs, untilMs)` in buckets of `bucketMs` from `fromMs`. The counts are by the
   * hour: an hour `untilMs` cuts is counted in proportion (only the same stretch of a period before is
   * ever cut so).
   */
  function tally(sinceMs: number, untilMs: number, fromMs: number, bucketMs: number, street?: string): TallyRow[] {
    const last = hourOf(untilMs)
    const share = untilMs / HOUR_MS - last
    const out: TallyRow[] = []
    for (const r of src.hourly(hourOf(sinceMs), Math.ceil(untilMs / HOUR_MS), street)) {
      const n = r.hour === last ? Math.round(r.n * share) : r.n
      if (n > 0) out.push({ source: r.source, severity: r.severity, street: r.street, n, bucket: Math.floor((r.hour * HOUR_MS - fromMs) / bucketMs) })
    }
    return out
  }

  function build(kind: BriefingKind, day: number, street: string | undefined, nowMs: number): Briefing {
    const p = briefingPeriod(kind, day)
    const complete = p.untilMs <= nowMs
    // A period still running is set against the same stretch of the one before (同期); the trend shows
    // the whole of the one before.
    const compareUntil = complete ? p.previous.untilMs : p.previous.sinceMs + (nowMs - p.sinceMs)
    const scoped = street ? { street } : {}
    // What the figures kept by whole days (cases, report counts) scale the period before by while this one runs.
    const share = (compareUntil - p.previous.sinceMs) / (p.previous.untilMs - p.previous.sinceMs)
    const rowsNow = tally(p.sinceMs, p.untilMs, p.sinceMs, p.bucketMs, street)
    const rowsBefore = tally(p.previous.sinceMs, p.previous.untilMs, p.previous.sinceMs, p.bucketMs, street)
    const rowsCompared = complete ? rowsBefore : tally(p.previous.sinceMs, compareUntil, p.previous.sinceMs, p.bucketMs, street)
    const total = (rows: readonly TallyRow[]) => rows.reduce((s, r) => s + r.n, 0)

    const sourceNow = sumBy(rowsNow, (r) => r.source)
    const sourceBefore = sumBy(rowsCompared, (r) => r.source)
    const severityNow = sumBy(rowsNow, (r) => r.severity)
    const severityBefore = sumBy(rowsCompared, (r) => r.severity)
    const bucketNow = sumBy(rowsNow, (r) => r.bucket)
    const bucketBefore = sumBy(rowsBefore, (r) => r.bucket)
    const streetNow = sumBy(rowsNow, (r) => r.street)
    const streetBefore = sumBy(rowsCompared, (r) => r.street)

    const kpiNow = src.kpiDays(p.startDay, p.endDay, street)
    const kpiBefore = src.kpiDays(p.previous.startDay, p.previous.endDay, street)
    const warnings = src.warningsBetween({ since: iso(p.sinceMs), until: iso(p.untilMs), limit: 10, ...scoped })
    const warningsBefore = src.warningsBetween({ since: iso(p.previous.sinceMs), until: iso(compareUntil), limit: 0, ...scoped })
    const scope = street
      ? { level: 'street' as const, id: street, name: streetName.get(street) ?? street }
      : { level: 'district' as const, id: src.district.id, name: src.district.name }

    return {
      kind,
      date: dayDate(p.startDay),
      since: iso(p.sinceMs),
      until: iso(p.untilMs),
      previous: { date: dayDate(p.previous.startDay), since: iso(p.previous.sinceMs), until: iso(compareUntil) },
      generatedAt: iso(nowMs),
      complete,
      scope,
      headline: {
        events: compared(total(rowsNow), total(rowsCompared)),
        bySource: SOURCES.map((source) => ({ source, ...compared(sourceNow.get(source) ?? 0, sourceBefore.get(source) ?? 0) })),
        bySeverity: SEVERITIES.map((severity) => ({ severity, ...compared(severityNow.get(severity) ?? 0, severityBefore.get(severity) ?? 0) })),
        cases: headlineCases(kpiNow.total, kpiBefore.total, share),
        riskWarnings: compared(warnings.count, warningsBefore.count),
      },
      trend: {
        unit: kind === 'daily' ? 'hour' : 'day',
        buckets: p.labels.map((label, i) => ({ start: iso(p.sinceMs + i * p.bucketMs), label, ...compared(bucketNow.get(i) ?? 0, bucketBefore.get(i) ?? 0) })),
      },
      streets: src.streets.filter((s) => !street || s.id === street)
        .map((s) => ({ id: s.id, name: s.name, events: compared(streetNow.get(s.id) ?? 0, streetBefore.get(s.id) ?? 0) })),
      kpi: { complete: kpiNow.complete, total: kpiNow.total, streets: kpiNow.streets },
      hotspots: hotspots(p, share, street),
      notable: notable(p, street),
      // A week still running ends today, not on its Sunday.
      topics: topics(Math.min(p.endDay, shanghaiDay(nowMs)), street),
      warnings: warnings.latest,
    }
  }

  return {
    /** The briefing of the period holding Beijing day `day`, for a street or the district. */
    briefing(kind: BriefingKind, day: number, street?: string): Briefing {
      const nowMs = now()
      const key = `${kind}:${day}:${street ?? ''}`
      const hit = cache.get(key)
      if (hit && nowMs - hit.atMs < CACHE_MS[hit.briefing.complete ? 'complete' : 'running']) return hit.briefing
      src.flush()
      const briefing = build(kind, day, street, nowMs)
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!)
      cache.set(key, { atMs: nowMs, briefing })
      return briefing
    },
  }
}
export type BriefingService = ReturnType<typeof createBriefingService>
